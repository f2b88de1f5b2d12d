using KnowledgeKaizen.Insights.ExpectedOutcome;

namespace KnowledgeKaizen.Insights.Performance;

/// <summary>The trained expectation and the analysis built on its out-of-fold predictions.</summary>
public sealed record RepPerformanceResult(ExpectedOutcomeTraining Training, PerformanceAnalysis Analysis);

/// <summary>
/// One call for the retrain job: train the expected-outcome model with rep-grouped folds, then analyse every
/// (rep, stage) pair against its out-of-fold expectation. Store <c>Training.Model</c> with <see cref="ModelStore"/>.
/// </summary>
public sealed class RepPerformanceEngine(ExpectedOutcomeOptions modelOptions, PerformanceOptions performanceOptions)
{
    /// <summary>Runs both steps; degenerate history yields <c>NotEnoughData</c> with the reason.</summary>
    public InsightOutcome<RepPerformanceResult> Run(IReadOnlyList<StageOutcomeObservation> history, CancellationToken cancellationToken = default)
    {
        var training = new ExpectedOutcomeTrainer(modelOptions).Train(history, cancellationToken);
        if (training.Value is null)
        {
            return InsightOutcome<RepPerformanceResult>.Insufficient(training.NotEnoughData!.Reason);
        }

        var analysis = new PerformanceAnalyzer(performanceOptions).Analyze(history, training.Value.OutOfFoldExpected);
        return analysis.Value is null
            ? InsightOutcome<RepPerformanceResult>.Insufficient(analysis.NotEnoughData!.Reason)
            : InsightOutcome<RepPerformanceResult>.Success(new RepPerformanceResult(training.Value, analysis.Value));
    }
}
