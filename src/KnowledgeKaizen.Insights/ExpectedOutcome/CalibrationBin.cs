namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>One decile of the calibration table: mean predicted probability against the observed rate.</summary>
public sealed record CalibrationBin(int Decile, int Count, double MeanPredicted, double ObservedRate);
