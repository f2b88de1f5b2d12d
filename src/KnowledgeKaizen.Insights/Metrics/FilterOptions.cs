namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Values for the filter drop-downs.</summary>
public sealed record FilterOptions(
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Regions,
    IReadOnlyList<RepInfo> Reps,
    IReadOnlyList<StageInfo> Stages,
    IReadOnlyList<string> Industries);
