using KnowledgeKaizen.Web.Tests.Infrastructure;

namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>
/// The portal with the demo CRM data loaded by the app's own demo-data loader (LoadDemoData on) — once per
/// test class, when the fixture first starts the host.
/// </summary>
public sealed class SeededPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["KnowledgeKaizen:LoadDemoData"] = "true",
        ["KnowledgeKaizen:SeedPath"] = SeedCsv.Folder,
    };
}
