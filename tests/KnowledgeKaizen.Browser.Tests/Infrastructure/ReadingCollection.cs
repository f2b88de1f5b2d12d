namespace KnowledgeKaizen.Browser.Tests.Infrastructure;

/// <summary>The reading tests (diagrams, diffs) share one portal and one browser: they only add their own documents.</summary>
[CollectionDefinition(Name)]
public sealed class ReadingCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Reading";
}
