namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>Quality report of a trained expected-outcome model, persisted as <c>report.json</c> beside it.</summary>
/// <param name="Version">Store version (0 until saved by <see cref="ModelStore"/>).</param>
/// <param name="Trainer">Chosen trainer.</param>
/// <param name="Auc">Out-of-fold AUC of the chosen, calibrated expectation.</param>
/// <param name="LogLoss">Out-of-fold log loss of the chosen, calibrated expectation.</param>
/// <param name="Calibration">Out-of-fold predicted probability against the observed rate in up to ten bins (ties never split).</param>
/// <param name="Rows">Rows in the training history.</param>
/// <param name="MaxTrainingRows">Subsample cap per training (see <see cref="ExpectedOutcomeOptions.MaxTrainingRows"/>).</param>
/// <param name="Folds">Rep-grouped folds used.</param>
/// <param name="TrainingTime">Wall time of the whole training (all candidates, folds and the final model).</param>
/// <param name="TrainedAt">When training finished.</param>
/// <param name="Candidates">Every trainer compared, with the stage base rate as the floor.</param>
/// <param name="UsesDaysInStage">Whether time in stage was a feature.</param>
/// <param name="Validation">How far the findings computed with this model can be trusted (null for models stored before
/// validation existed, or when it could not be computed).</param>
/// <param name="RetrainJob">The retraining job that promoted it (null for models stored before jobs were recorded, or trained
/// outside a job), so a run of that job again after its instance died keeps this version instead of adding one.</param>
public sealed record ExpectedOutcomeModelReport(
    int Version,
    string Trainer,
    double Auc,
    double LogLoss,
    IReadOnlyList<CalibrationBin> Calibration,
    int Rows,
    int MaxTrainingRows,
    int Folds,
    TimeSpan TrainingTime,
    DateTimeOffset TrainedAt,
    IReadOnlyList<TrainerComparison> Candidates,
    bool UsesDaysInStage,
    FindingsValidation? Validation = null,
    Guid? RetrainJob = null)
{
    /// <summary>True when the deal features carried no usable signal and each stage's base rate is the expectation.</summary>
    public bool ServesBaseRate => Trainer == ExpectedOutcomeModel.BaseRateTrainer;
}
