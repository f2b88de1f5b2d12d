namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>
/// A found cluster: its label (its most distinctive word or phrase, in each language its complaints are written in),
/// its label terms, the indices of its members and of a few varied examples.
/// </summary>
public sealed record FoundCluster(int Number, string Label, IReadOnlyList<string> TopTerms, IReadOnlyList<int> Members, IReadOnlyList<int> Examples);
