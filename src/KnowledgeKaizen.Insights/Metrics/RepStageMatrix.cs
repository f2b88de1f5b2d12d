namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>The rep × stage conversion matrix with the company cell per stage.</summary>
public sealed record RepStageMatrix(IReadOnlyList<StageInfo> Stages, IReadOnlyList<RepStageRow> Rows, IReadOnlyList<RepStageCell> Company);
