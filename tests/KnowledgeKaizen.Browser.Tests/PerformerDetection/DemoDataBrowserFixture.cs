using KnowledgeKaizen.Browser.Tests.Sweep;

namespace KnowledgeKaizen.Browser.Tests.PerformerDetection;

/// <summary>The browser fixture with the demo CRM data and a small, fast expected-outcome model.</summary>
public sealed class DemoDataBrowserFixture : BrowserFixture<DemoDataPortalFactory>
{
    private Task<PageSweep>? sweep;

    /// <summary>Every page as every role in both languages, visited once for all the page checks (the first one asks).</summary>
    public Task<PageSweep> SweepAsync() => sweep ??= PageSweep.RunAsync(this);
}

/// <summary>
/// The classes on the demo portal share one (its load and first retraining are the expensive part); they run one after
/// the other, in any order, so each adds its own users and records and reads none of the others'.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoDataCollection : ICollectionFixture<DemoDataBrowserFixture>
{
    public const string Name = "demo data portal";
}
