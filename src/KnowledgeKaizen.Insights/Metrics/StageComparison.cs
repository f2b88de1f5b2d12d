namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>A rep's conversion at a stage next to their team's and the company's.</summary>
public sealed record StageComparison(StageInfo Stage, RepStageCell Rep, RepStageCell Team, RepStageCell Company);
