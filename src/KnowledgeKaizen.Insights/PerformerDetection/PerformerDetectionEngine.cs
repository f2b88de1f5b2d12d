using KnowledgeKaizen.Insights.ExpectedOutcome;

namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// One call for the retrain job: train the expected-outcome model with rep-grouped folds, then analyse every
/// (rep, stage) pair against its out-of-fold expectation. Store <c>Training.Model</c> with <see cref="ModelStore"/>.
/// </summary>
public sealed class PerformerDetectionEngine(ExpectedOutcomeOptions modelOptions, EvidenceOptions evidenceOptions, TimeProvider? time = null)
{
    /// <summary>Runs both steps; degenerate history yields <c>NotEnoughData</c> with the reason.</summary>
    public InsightOutcome<PerformerDetectionResult> Run(IReadOnlyList<StageOutcomeObservation> history, CancellationToken cancellationToken = default)
    {
        var training = new ExpectedOutcomeTrainer(modelOptions, time).Train(history, cancellationToken);
        if (training.Value is null)
        {
            return InsightOutcome<PerformerDetectionResult>.Insufficient(training.NotEnoughData!.Reason);
        }

        var analysis = new PerformerAnalyzer(evidenceOptions).Analyze(history, training.Value.OutOfFoldExpected);
        return analysis.Value is null
            ? InsightOutcome<PerformerDetectionResult>.Insufficient(analysis.NotEnoughData!.Reason)
            : InsightOutcome<PerformerDetectionResult>.Success(new PerformerDetectionResult(training.Value, analysis.Value));
    }
}
