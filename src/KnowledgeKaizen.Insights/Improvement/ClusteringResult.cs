namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>The clusters and the k the silhouette criterion picked.</summary>
public sealed record ClusteringResult(int K, double Silhouette, IReadOnlyList<FoundCluster> Clusters);
