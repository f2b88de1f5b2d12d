using Xunit.Abstractions;

[assembly: TestCollectionOrderer("KnowledgeKaizen.Browser.Tests.Infrastructure.LongestFirst", "KnowledgeKaizen.Browser.Tests")]

namespace KnowledgeKaizen.Browser.Tests.Infrastructure;

/// <summary>
/// Starts the page scans' collections first: xUnit runs as many collections at once as there are cores, so a long one
/// started last would run alone at the end while the short classes could have filled the other core beside it.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    /// <summary>The longest collections, longest first; every other one follows in name order.</summary>
    private static readonly string[] Longest = [Layout.LayoutCollection.Name, PerformerDetection.DemoDataCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.IndexOf(Longest, c.DisplayName) is var rank and >= 0 ? rank : Longest.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
