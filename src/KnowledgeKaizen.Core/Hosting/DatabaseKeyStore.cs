using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// The data-protection key ring in the database (<see cref="DataProtectionKey"/> rows), so every instance behind a load
/// balancer signs and reads sign-in cookies and invite links with the same keys. The key manager caches the ring and
/// reads it again when it refreshes; each call here uses a context of its own, as the key manager is a singleton.
/// </summary>
internal sealed class DatabaseKeyStore(IServiceScopeFactory scopes, ILogger<DatabaseKeyStore> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var elements = new List<XElement>();
        foreach (var row in db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).ToList())
        {
            try
            {
                elements.Add(XElement.Parse(row.Xml));
            }
            catch (XmlException e)
            {
                // One damaged row must not take the other keys with it: what it signed can no longer be read either way.
                logger.LogWarning(e, "Data-protection key row {Id} ({Name}) is not XML and is ignored", row.Id, row.FriendlyName);
            }
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        db.SaveChanges();
    }
}
