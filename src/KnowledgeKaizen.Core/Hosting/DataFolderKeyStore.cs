using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// The data-protection key ring (it signs sign-in cookies and invite links) in the data folder's <c>keys/</c>, so keys
/// survive restarts. The portal's backups leave it out on purpose (after a restore everyone signs in again). Instances
/// behind a load balancer need one ring in a shared store instead.
/// </summary>
internal sealed class DataFolderKeyStore(DataFolder folder, ILoggerFactory logs) : IXmlRepository
{
    private readonly FileSystemXmlRepository files = new(new DirectoryInfo(folder.Keys), logs);

    public IReadOnlyCollection<XElement> GetAllElements() => files.GetAllElements();

    public void StoreElement(XElement element, string friendlyName) => files.StoreElement(element, friendlyName);
}
