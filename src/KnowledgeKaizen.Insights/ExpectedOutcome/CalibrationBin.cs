namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>One bin of the calibration table (a decile unless ties merged bins): mean predicted probability against the observed rate.</summary>
public sealed record CalibrationBin(int Decile, int Count, double MeanPredicted, double ObservedRate);
