namespace KnowledgeKaizen.Insights.PerformerDetection.Retraining;

/// <summary>What a retraining did, stored as the job's result.</summary>
/// <param name="Outcome">"promoted", "rejected" (worse than the serving model) or "not-enough-data".</param>
/// <param name="Message">What happened, for the job log and the model page.</param>
/// <param name="Rows">Closed stage entries trained on.</param>
/// <param name="ModelVersion">Version serving afterwards.</param>
/// <param name="SnapshotId">The new snapshot, when one was written.</param>
/// <param name="Auc">Out-of-fold AUC of the new model.</param>
/// <param name="Standouts">Standout pairs in the new snapshot.</param>
/// <param name="Seconds">Wall time of the job.</param>
/// <param name="CaptureRequestsSent">Automatic capture requests sent.</param>
public sealed record RetrainResult(string Outcome, string Message, int Rows, int? ModelVersion, long? SnapshotId, double? Auc,
    int Standouts, double Seconds, int CaptureRequestsSent);
