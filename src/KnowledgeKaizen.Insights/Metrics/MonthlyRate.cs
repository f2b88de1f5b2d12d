namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Monthly stage conversion (all stages pooled) of the rep and of the company, by month entered.</summary>
public sealed record MonthlyRate(string Month, RepStageCell Rep, RepStageCell Company);
