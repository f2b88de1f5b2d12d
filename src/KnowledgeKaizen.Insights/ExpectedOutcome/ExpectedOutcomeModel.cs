using Microsoft.ML.Data;

namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>
/// A trained expectation: P(advance) of a stage entry from the deal's own features, calibrated per stage.
/// Either a tree model plus per-stage isotonic calibration, or (when features carry no signal) per-stage
/// base rates. Immutable and safe to share between threads.
/// </summary>
public sealed class ExpectedOutcomeModel
{
    /// <summary>The trainer name of a model that serves each stage's base rate (the deal features carried no signal).</summary>
    public const string BaseRateTrainer = "StageBaseRate";

    private readonly MLContext _ml;

    internal ExpectedOutcomeModel(
        MLContext ml,
        ITransformer? transformer,
        IReadOnlyDictionary<string, IsotonicCalibrator> calibrators,
        IReadOnlyDictionary<string, double> stageBaseRates,
        double overallRate,
        ExpectedOutcomeModelReport report)
    {
        _ml = ml;
        Transformer = transformer;
        Calibrators = calibrators;
        StageBaseRates = stageBaseRates;
        OverallRate = overallRate;
        Report = report;
    }

    /// <summary>The quality report of this model.</summary>
    public ExpectedOutcomeModelReport Report { get; internal set; }

    internal ITransformer? Transformer { get; }

    internal IReadOnlyDictionary<string, IsotonicCalibrator> Calibrators { get; }

    internal IReadOnlyDictionary<string, double> StageBaseRates { get; }

    internal double OverallRate { get; }

    internal MLContext Context => _ml;

    /// <summary>Calibrated P(advance) for each observation, in order. Unknown stages get the overall rate.</summary>
    public double[] Predict(IReadOnlyList<StageOutcomeObservation> observations)
    {
        var features = observations.Select(ExpectedOutcomeFeatures.From).ToArray();
        var raw = Transformer is null ? null : ScoreRaw(_ml, Transformer, features);
        var result = new double[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            var stage = features[i].Stage;
            result[i] = raw is not null && Calibrators.TryGetValue(stage, out var calibrator)
                ? calibrator.Apply(raw[i])
                : StageBaseRates.GetValueOrDefault(stage, OverallRate);
        }

        return result;
    }

    internal static double[] ScoreRaw(MLContext ml, ITransformer transformer, IReadOnlyList<ExpectedOutcomeFeatures> rows)
    {
        var scored = transformer.Transform(ml.Data.LoadFromEnumerable(rows));
        return scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray();
    }
}
