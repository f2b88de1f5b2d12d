using KnowledgeKaizen.Testing;

namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>
/// The classes that only read the demo data share one portal: its load and its first-start retraining (which runs in the
/// background whether a class needs it or not) are the expensive part. They add only users of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoDataReaders : ICollectionFixture<DemoDataPortalFactory>
{
    public const string Name = "Demo data readers";
}
