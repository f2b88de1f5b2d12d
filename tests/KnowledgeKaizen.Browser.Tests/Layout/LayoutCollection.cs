namespace KnowledgeKaizen.Browser.Tests.Layout;

/// <summary>The layout tests' portal and signed-in contexts, named so the longest collection can start first.</summary>
[CollectionDefinition(Name)]
public sealed class LayoutCollection : ICollectionFixture<LayoutFixture>
{
    public const string Name = "layout";
}
