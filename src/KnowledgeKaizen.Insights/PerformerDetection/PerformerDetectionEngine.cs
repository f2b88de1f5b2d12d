namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// One call for the retrain job: train the expected-outcome model with rep-grouped folds, analyse every (rep, stage)
/// pair against its out-of-fold expectation and — unless <see cref="EvidenceOptions.RefitWithoutRepEffects"/> is off —
/// train once more on the outcomes with each pair's estimated rep effect taken out, and analyse again. Rep-grouped folds
/// keep a rep out of their own expectation, but not out of their peers': where standouts cluster in one kind of deal,
/// their skill would otherwise make that kind of deal look easier for everyone (and their peers in it look worse).
/// Store <c>Training.Model</c> with <see cref="ModelStore"/>.
/// </summary>
public sealed class PerformerDetectionEngine(ExpectedOutcomeOptions modelOptions, EvidenceOptions evidenceOptions, TimeProvider? time = null)
{
    /// <summary>Rep effects below this (log-odds) everywhere change nothing worth a second training.</summary>
    private const double NegligibleEffect = 0.01;

    /// <summary>Runs the steps; degenerate history yields <c>NotEnoughData</c> with the reason.</summary>
    public InsightOutcome<PerformerDetectionResult> Run(IReadOnlyList<StageOutcomeObservation> history, CancellationToken cancellationToken = default) =>
        Run(history, servingModel: true, cancellationToken);

    /// <summary>The same; without <paramref name="servingModel"/> the model only carries the expectation of these rows (for checks).</summary>
    internal InsightOutcome<PerformerDetectionResult> Run(IReadOnlyList<StageOutcomeObservation> history, bool servingModel, CancellationToken cancellationToken = default)
    {
        // The serving model is fitted once, for whichever pass is kept.
        var trainer = new ExpectedOutcomeTrainer(modelOptions, time);
        var training = trainer.Train(history, null, servingModel: false, cancellationToken);
        if (training.Value is null)
        {
            return InsightOutcome<PerformerDetectionResult>.Insufficient(training.NotEnoughData!.Reason);
        }

        var analyzer = new PerformerAnalyzer(evidenceOptions);
        var analysis = analyzer.Analyze(history, training.Value.OutOfFoldExpected);
        if (analysis.Value is null)
        {
            return InsightOutcome<PerformerDetectionResult>.Insufficient(analysis.NotEnoughData!.Reason);
        }

        var targets = OutcomesWithoutRepEffects(history, training.Value.OutOfFoldExpected, analysis.Value);
        if (!evidenceOptions.RefitWithoutRepEffects || targets is null)
        {
            return InsightOutcome<PerformerDetectionResult>.Success(Keep(trainer, training.Value, analysis.Value, history, null, servingModel, cancellationToken));
        }

        // Only the chosen trainer is refitted: the comparison has been made, and the refit costs one more cross-validation.
        var report = training.Value.Model.Report;
        var chosen = Enum.TryParse<ExpectedOutcomeTrainerKind>(report.Trainer, out var kind) ? (IReadOnlyList<ExpectedOutcomeTrainerKind>)[kind] : [];
        var refitter = new ExpectedOutcomeTrainer(modelOptions with { Trainers = chosen }, time);
        var refit = refitter.Train(history, targets, servingModel: false, cancellationToken);
        var second = refit.Value is null ? null : analyzer.Analyze(history, refit.Value.OutOfFoldExpected).Value;
        if (second is null)
        {
            return InsightOutcome<PerformerDetectionResult>.Success(Keep(trainer, training.Value, analysis.Value, history, null, servingModel, cancellationToken));
        }

        var model = refit.Value!.Model;
        model.Report = model.Report with
        {
            Candidates = [.. report.Candidates, .. model.Report.Candidates.Where(c => c.Trainer != ExpectedOutcomeModel.BaseRateTrainer)],
            TrainingTime = report.TrainingTime + model.Report.TrainingTime,
        };
        return InsightOutcome<PerformerDetectionResult>.Success(Keep(refitter, refit.Value, second, history, targets, servingModel, cancellationToken));
    }

    private static PerformerDetectionResult Keep(
        ExpectedOutcomeTrainer trainer, ExpectedOutcomeTraining training, PerformerAnalysis analysis, IReadOnlyList<StageOutcomeObservation> history,
        IReadOnlyList<double>? targets, bool servingModel, CancellationToken cancellationToken) =>
        new(servingModel ? trainer.WithServingModel(training, history, targets, cancellationToken) : training, analysis);

    /// <summary>
    /// What each entry's outcome would be worth without its rep's effect at the stage: with p₀ the expectation and p₁ the
    /// same shifted by the pair's posterior mean effect β̄, an advance counts p₀/p₁ when β̄ &gt; 0 (and a loss counts
    /// (1−p₀)/(1−p₁) of a loss when β̄ &lt; 0). Its expected value is p₀ whatever the effect, so the refit learns the deals,
    /// not the reps. The posterior mean is shrunk, so only effects the data support are taken out. Null when no pair has one.
    /// </summary>
    internal static double[]? OutcomesWithoutRepEffects(IReadOnlyList<StageOutcomeObservation> history, IReadOnlyList<double> expected, PerformerAnalysis analysis)
    {
        var effect = analysis.Findings.ToDictionary(f => (f.RepId, f.Stage), f => f.Posterior.MeanEffect);
        if (effect.Values.All(b => Math.Abs(b) < NegligibleEffect))
        {
            return null;
        }

        var targets = new double[history.Count];
        for (var i = 0; i < targets.Length; i++)
        {
            var o = history[i];
            // A negligible effect is left in: splitting its rows into weighted copies would cost memory and change nothing.
            var beta = effect.GetValueOrDefault((o.RepId, o.Stage));
            beta = Math.Abs(beta) < NegligibleEffect ? 0 : beta;
            var p0 = Math.Clamp(expected[i], 1e-6, 1 - 1e-6);
            var p1 = PerformerAnalyzer.Logistic(PerformerAnalyzer.Logit(p0) + beta);
            targets[i] = beta > 0 ? (o.Advanced ? p0 / p1 : 0)
                : beta < 0 ? (o.Advanced ? 1 : 1 - ((1 - p0) / (1 - p1)))
                : o.Advanced ? 1 : 0;
        }

        return targets;
    }
}
