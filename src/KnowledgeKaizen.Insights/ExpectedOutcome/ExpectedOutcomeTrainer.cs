using System.Diagnostics;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>
/// Trains the expected-outcome model with K-fold cross-validation grouped by rep, compares the configured
/// trainers on out-of-fold AUC, calibrates per stage (isotonic on out-of-fold scores) and falls back to per-stage
/// base rates when the deal features carry no usable signal.
/// </summary>
public sealed class ExpectedOutcomeTrainer(ExpectedOutcomeOptions options, TimeProvider? time = null)
{
    private static readonly string[] Categorical = ["Stage", "Industry", "Region", "Source", "Month"];

    /// <summary>Trains; degenerate input yields <c>NotEnoughData</c>, never an exception (cancellation excepted).</summary>
    public InsightOutcome<ExpectedOutcomeTraining> Train(IReadOnlyList<StageOutcomeObservation> observations, CancellationToken cancellationToken = default) =>
        Train(observations, null, cancellationToken);

    /// <summary>
    /// Trains towards a probability per row (same order) instead of the outcome: the trees learn it as the outcome split
    /// into an advanced and a lost copy weighted by the target, and the calibration and base rates average it. The quality
    /// figures stay on the real outcomes. Used to take each rep's estimated effect out of their outcomes, so that their
    /// skill does not become part of everyone's expectation.
    /// </summary>
    /// <exception cref="ArgumentException">The targets do not match the rows (a wiring error).</exception>
    public InsightOutcome<ExpectedOutcomeTraining> Train(IReadOnlyList<StageOutcomeObservation> observations, IReadOnlyList<double>? targets, CancellationToken cancellationToken = default) =>
        Train(observations, targets, servingModel: true, cancellationToken);

    /// <summary>
    /// Adds the serving model to a training made without one (<paramref name="training"/> from
    /// <see cref="Train(IReadOnlyList{StageOutcomeObservation}, IReadOnlyList{double}?, bool, CancellationToken)"/> with
    /// <c>servingModel: false</c>): the chosen trees fitted on every row, or a sample of them.
    /// </summary>
    internal ExpectedOutcomeTraining WithServingModel(
        ExpectedOutcomeTraining training, IReadOnlyList<StageOutcomeObservation> observations, IReadOnlyList<double>? targets, CancellationToken cancellationToken = default)
    {
        var model = training.Model;
        if (model.Transformer is not null || !Enum.TryParse<ExpectedOutcomeTrainerKind>(model.Report.Trainer, out var kind))
        {
            return training;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var rows = observations.Select(ExpectedOutcomeFeatures.From).ToArray();
        var serving = FitServingModel(model.Context, kind, new TrainingRows(rows, Targets(rows, targets)));
        var report = model.Report with { TrainingTime = model.Report.TrainingTime + clock.Elapsed };
        return training with { Model = new ExpectedOutcomeModel(model.Context, serving, model.Calibrators, model.StageBaseRates, model.OverallRate, report) };
    }

    /// <summary>
    /// Trains; without <paramref name="servingModel"/> only the out-of-fold expectation and the calibration are made (the
    /// model then cannot score new entries with trees), which is all an intermediate or a check needs.
    /// </summary>
    internal InsightOutcome<ExpectedOutcomeTraining> Train(
        IReadOnlyList<StageOutcomeObservation> observations, IReadOnlyList<double>? targets, bool servingModel, CancellationToken cancellationToken = default)
    {
        if (targets is not null && targets.Count != observations.Count)
        {
            throw new ArgumentException($"{observations.Count} observations but {targets.Count} targets.", nameof(targets));
        }

        var insufficient = CheckEnoughData(observations, options.MinTrainingRows);
        if (insufficient is not null)
        {
            return InsightOutcome<ExpectedOutcomeTraining>.Insufficient(insufficient);
        }

        var clock = Stopwatch.StartNew();
        var rows = observations.Select(ExpectedOutcomeFeatures.From).ToArray();
        var labels = rows.Select(r => r.Label).ToArray();
        var adjusted = targets is not null;
        var target = Targets(rows, targets);
        var training = new TrainingRows(rows, target);
        var stages = rows.Select(r => r.Stage).ToArray();
        var rowsPerRep = observations.GroupBy(o => o.RepId).ToDictionary(g => g.Key, g => g.Count());
        var foldCount = Math.Min(options.FoldCount, rowsPerRep.Count);
        var foldOfRep = RepFolds.Assign(rowsPerRep, foldCount, options.Seed);
        var foldOfRow = observations.Select(o => foldOfRep[o.RepId]).ToArray();

        // The base rate includes each rep's own rows; with many reps per stage that share is small, and it makes
        // the featureless case exactly "shrinkage of raw rates against the stage rate".
        var stageRates = StageRates(stages, target);
        var overallRate = labels.Count(l => l) / (double)labels.Length;
        var baseExpected = stages.Select(s => stageRates[s]).ToArray();
        var candidates = new List<TrainerComparison>
        {
            new(ExpectedOutcomeModel.BaseRateTrainer, rows.Length, ClassificationMetrics.Auc(baseExpected, labels), ClassificationMetrics.LogLoss(baseExpected, labels), TimeSpan.Zero, null, adjusted),
        };

        var ml = new MLContext(options.Seed);
        var featuresVary = ExpectedOutcomeFeatures.AnyDealFeatureVaries(rows, options.UseDaysInStage);
        var everyRow = Enumerable.Range(0, rows.Length).ToArray();
        var trainers = options.Trainers.Distinct().ToList();
        var comparisonRows = trainers.Count > 1 && rows.Length > options.ComparisonMaxRows
            ? RepSample(observations, rowsPerRep, options.ComparisonMaxRows)
            : everyRow;
        Candidate? best = null;
        foreach (var kind in trainers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!featuresVary)
            {
                candidates.Add(new(kind.ToString(), 0, double.NaN, double.NaN, TimeSpan.Zero, "skipped: no deal feature varies", adjusted));
                continue;
            }

            var candidate = Evaluate(ml, kind, training, comparisonRows, foldOfRow, foldCount, adjusted, cancellationToken);
            candidates.Add(candidate.Comparison);
            if (candidate.Calibrated is not null && (best is null || candidate.Comparison.Auc > best.Comparison.Auc))
            {
                best = candidate;
            }
        }

        if (best is not null && comparisonRows.Length < rows.Length)
        {
            // The comparison ran on a sample of whole reps; the winner now scores every row out of fold.
            best = Evaluate(ml, best.Kind, training, everyRow, foldOfRow, foldCount, adjusted, cancellationToken);
            candidates.Add(best.Comparison);
            best = best.Calibrated is null ? null : best;
        }

        var useTrees = best is not null && best.Comparison.Auc >= candidates[0].Auc + options.MinAucGainOverBaseRate;
        var expected = useTrees ? best!.Calibrated! : baseExpected;
        ITransformer? final = null;
        if (useTrees && servingModel)
        {
            cancellationToken.ThrowIfCancellationRequested();
            final = FitServingModel(ml, best!.Kind, training);
        }

        var report = new ExpectedOutcomeModelReport(
            0,
            useTrees ? best!.Kind.ToString() : ExpectedOutcomeModel.BaseRateTrainer,
            ClassificationMetrics.Auc(expected, labels),
            ClassificationMetrics.LogLoss(expected, labels),
            ClassificationMetrics.Deciles(expected, labels),
            rows.Length,
            options.MaxTrainingRows,
            foldCount,
            clock.Elapsed,
            (time ?? TimeProvider.System).GetUtcNow(),
            candidates,
            options.UseDaysInStage);
        var model = new ExpectedOutcomeModel(ml, final, useTrees ? best!.Calibrators! : [], stageRates, overallRate, report);
        return InsightOutcome<ExpectedOutcomeTraining>.Success(new ExpectedOutcomeTraining(model, expected, foldOfRep));
    }

    /// <summary>The reason the rows cannot train a rep-grouped model, or null when they can.</summary>
    internal static string? CheckEnoughData(IReadOnlyList<StageOutcomeObservation> observations, int minRows)
    {
        if (observations.Count == 0)
        {
            return InsightMessages.NoStageHistory;
        }

        if (observations.Count < minRows)
        {
            return InsightMessages.Format(InsightMessages.TooFewRows, observations.Count, minRows);
        }

        var advanced = observations.Count(o => o.Advanced);
        if (advanced == 0 || advanced == observations.Count)
        {
            return advanced == 0 ? InsightMessages.NoneAdvanced : InsightMessages.AllAdvanced;
        }

        return observations.Select(o => o.RepId).Distinct().Take(2).Count() < 2
            ? InsightMessages.OneRep
            : null;
    }

    /// <summary>Out-of-fold scores, calibration and metrics of one trainer over the rows <paramref name="subset"/>.</summary>
    private Candidate Evaluate(
        MLContext ml, ExpectedOutcomeTrainerKind kind, TrainingRows training, int[] subset, int[] foldOfRow, int foldCount, bool adjusted, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var raw = new double[subset.Length];
            for (var fold = 0; fold < foldCount; fold++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var train = Subsample(Enumerable.Range(0, subset.Length).Where(k => foldOfRow[subset[k]] != fold).ToArray(), options.MaxTrainingRows, options.Seed + fold);
                var test = Enumerable.Range(0, subset.Length).Where(k => foldOfRow[subset[k]] == fold).ToArray();
                if (test.Length == 0)
                {
                    continue;
                }

                var model = BuildPipeline(ml, kind).Fit(ml.Data.LoadFromEnumerable(training.For(train.Select(k => subset[k]))));
                var scores = ExpectedOutcomeModel.ScoreRaw(ml, model, test.Select(k => training.Rows[subset[k]]).ToArray());
                for (var k = 0; k < test.Length; k++)
                {
                    raw[test[k]] = scores[k];
                }
            }

            var labels = subset.Select(i => training.Rows[i].Label).ToArray();
            var calibrators = FitCalibrators(subset.Select(i => training.Rows[i].Stage).ToArray(), raw, subset.Select(i => training.Targets[i]).ToArray(), out var calibrated);
            var comparison = new TrainerComparison(kind.ToString(), subset.Length, ClassificationMetrics.Auc(raw, labels), ClassificationMetrics.LogLoss(calibrated, labels), watch.Elapsed, null, adjusted);
            return new Candidate(kind, comparison, calibrated, calibrators);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // ML.NET reports unusable training data this way; the candidate is dropped, the base rate remains.
            return new Candidate(kind, new TrainerComparison(kind.ToString(), subset.Length, double.NaN, double.NaN, watch.Elapsed, e.Message, adjusted), null, null);
        }
    }

    private static double[] Targets(ExpectedOutcomeFeatures[] rows, IReadOnlyList<double>? targets) =>
        targets?.Select(t => Math.Clamp(t, 0, 1)).ToArray() ?? [.. rows.Select(r => r.Label ? 1.0 : 0.0)];

    private ITransformer FitServingModel(MLContext ml, ExpectedOutcomeTrainerKind kind, TrainingRows training) =>
        BuildPipeline(ml, kind).Fit(ml.Data.LoadFromEnumerable(training.For(Subsample(Enumerable.Range(0, training.Rows.Length).ToArray(), options.MaxTrainingRows, options.Seed))));

    /// <summary>Rows of whole reps, taken in a seeded order until about <paramref name="cap"/> rows: folds stay rep-grouped.</summary>
    private int[] RepSample(IReadOnlyList<StageOutcomeObservation> observations, Dictionary<long, int> rowsPerRep, int cap)
    {
        var reps = rowsPerRep.Keys.Order().ToArray();
        new Random(options.Seed).Shuffle(reps);
        var chosen = new HashSet<long>();
        var total = 0;
        foreach (var rep in reps.TakeWhile(_ => total < cap))
        {
            chosen.Add(rep);
            total += rowsPerRep[rep];
        }

        return Enumerable.Range(0, observations.Count).Where(i => chosen.Contains(observations[i].RepId)).ToArray();
    }

    private IEstimator<ITransformer> BuildPipeline(MLContext ml, ExpectedOutcomeTrainerKind kind)
    {
        string[] numeric = options.UseDaysInStage
            ? ["LogAmount", "PriorDeals", "PriorWins", "PriorWinRate", "DaysInStage"]
            : ["LogAmount", "PriorDeals", "PriorWins", "PriorWinRate"];
        var featurize = ml.Transforms.Categorical.OneHotEncoding(Categorical.Select(c => new InputOutputColumnPair(c + "Hot", c)).ToArray())
            .Append(ml.Transforms.Concatenate("Features", [.. Categorical.Select(c => c + "Hot"), .. numeric]));
        IEstimator<ITransformer> trainer = kind switch
        {
            ExpectedOutcomeTrainerKind.FastTree => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                LearningRate = options.LearningRate,
                Seed = options.Seed,
                NumberOfThreads = options.TrainerThreads,
                ExampleWeightColumnName = nameof(ExpectedOutcomeFeatures.Weight),
            }),
            _ => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                LearningRate = options.LearningRate,
                Seed = options.Seed,
                NumberOfThreads = options.TrainerThreads,
                ExampleWeightColumnName = nameof(ExpectedOutcomeFeatures.Weight),
            }),
        };
        return featurize.Append(trainer);
    }

    private static Dictionary<string, IsotonicCalibrator> FitCalibrators(string[] stages, double[] raw, double[] targets, out double[] calibrated)
    {
        var result = new Dictionary<string, IsotonicCalibrator>(StringComparer.Ordinal);
        calibrated = new double[raw.Length];
        foreach (var group in Enumerable.Range(0, raw.Length).GroupBy(i => stages[i], StringComparer.Ordinal))
        {
            var idx = group.ToArray();
            var calibrator = IsotonicCalibrator.Fit(idx.Select(i => raw[i]).ToArray(), idx.Select(i => targets[i]).ToArray());
            result[group.Key] = calibrator;
            foreach (var i in idx)
            {
                calibrated[i] = calibrator.Apply(raw[i]);
            }
        }

        return result;
    }

    /// <summary>Mean target per stage (the advance rate when the targets are the outcomes).</summary>
    private static Dictionary<string, double> StageRates(string[] stages, double[] targets)
    {
        var counts = new Dictionary<string, (int N, double Y)>(StringComparer.Ordinal);
        for (var i = 0; i < stages.Length; i++)
        {
            var (n, y) = counts.GetValueOrDefault(stages[i]);
            counts[stages[i]] = (n + 1, y + targets[i]);
        }

        return counts.ToDictionary(kv => kv.Key, kv => kv.Value.Y / kv.Value.N, StringComparer.Ordinal);
    }

    private static int[] Subsample(int[] indices, int cap, int seed)
    {
        if (indices.Length <= cap)
        {
            return indices;
        }

        new Random(seed).Shuffle(indices);
        var taken = indices[..cap];
        Array.Sort(taken);
        return taken;
    }

    /// <summary>The feature rows with what to learn for each: a target strictly between 0 and 1 becomes two weighted copies.</summary>
    private sealed record TrainingRows(ExpectedOutcomeFeatures[] Rows, double[] Targets)
    {
        public ExpectedOutcomeFeatures[] For(IEnumerable<int> indices)
        {
            var result = new List<ExpectedOutcomeFeatures>();
            foreach (var i in indices)
            {
                var t = Targets[i];
                if (t <= 0 || t >= 1)
                {
                    result.Add(Rows[i].As(t >= 1, 1));
                    continue;
                }

                result.Add(Rows[i].As(true, (float)t));
                result.Add(Rows[i].As(false, (float)(1 - t)));
            }

            return [.. result];
        }
    }

    private sealed record Candidate(
        ExpectedOutcomeTrainerKind Kind,
        TrainerComparison Comparison,
        double[]? Calibrated,
        Dictionary<string, IsotonicCalibrator>? Calibrators);
}
