namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>How one candidate trainer did out of fold.</summary>
/// <param name="Trainer">"LightGbm", "FastTree" or "StageBaseRate".</param>
/// <param name="Rows">Rows it was cross-validated on (a sample of whole reps when comparing on large histories).</param>
/// <param name="Auc">Out-of-fold AUC of the raw scores (NaN when the trainer failed).</param>
/// <param name="LogLoss">Out-of-fold log loss after per-stage calibration.</param>
/// <param name="TrainingTime">Total time spent training this candidate across folds.</param>
/// <param name="Error">Why the trainer failed, when it did.</param>
/// <param name="WithoutRepEffects">True for the refit that learned from the outcomes with each rep's estimated effect taken out.</param>
public sealed record TrainerComparison(string Trainer, int Rows, double Auc, double LogLoss, TimeSpan TrainingTime, string? Error, bool WithoutRepEffects = false);
