namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>The trained expectation and the analysis built on its out-of-fold predictions.</summary>
public sealed record PerformerDetectionResult(ExpectedOutcomeTraining Training, PerformerAnalysis Analysis);
