namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>
/// The classes that only read the demo data share one portal, whose load is the expensive part; none reads findings, so it
/// does not retrain at start. They add only users of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoDataReaders : ICollectionFixture<UntrainedDemoDataPortalFactory>
{
    public const string Name = "Demo data readers";
}
