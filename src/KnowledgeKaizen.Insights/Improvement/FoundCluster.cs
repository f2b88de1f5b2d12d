namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>A found cluster: its most distinctive terms (for a label) and the indices of its members.</summary>
public sealed record FoundCluster(int Number, IReadOnlyList<string> TopTerms, IReadOnlyList<int> Members, IReadOnlyList<int> Examples);
