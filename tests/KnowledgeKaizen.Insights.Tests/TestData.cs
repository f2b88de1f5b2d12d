namespace KnowledgeKaizen.Insights.Tests;

/// <summary>Small, fast settings shared by the tests: a few trees, three rep-grouped folds, LightGbm only.</summary>
internal static class TestData
{
    public static readonly ExpectedOutcomeOptions FastModel = new()
    {
        Trainers = [ExpectedOutcomeTrainerKind.LightGbm],
        FoldCount = 3,
        NumberOfTrees = 150,
        NumberOfLeaves = 15,
        MinimumExampleCountPerLeaf = 40,
    };

    public static readonly EvidenceOptions Evidence = new();

    public static PerformerDetectionResult Run(SimulatedHistory history, ExpectedOutcomeOptions? model = null)
    {
        var outcome = new PerformerDetectionEngine(model ?? FastModel, Evidence).Run(history.Rows);
        Assert.True(outcome.Succeeded, outcome.NotEnoughData?.Reason);
        return outcome.Value!;
    }

    public static StageOutcomeObservation Row(long rep, string stage, bool advanced, double amount = 1000) =>
        new(rep, stage, "O", amount, "Retail", "East", "Inbound", 0, 0, new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc), 5, advanced);

    /// <summary>
    /// An expectation like a model's: each row's true deal probability, off by an error shared by the pair's rows
    /// (normal on the log-odds scale with standard deviation <paramref name="error"/>) — where the ML model is not the point.
    /// </summary>
    public static double[] ModelLikeExpectation(SimulatedHistory history, double error, int seed)
    {
        var random = new Random(seed);
        var offset = new Dictionary<(long, string), double>();
        var result = new double[history.Rows.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var key = (history.Rows[i].RepId, history.Rows[i].Stage);
            if (!offset.TryGetValue(key, out var e))
            {
                offset[key] = e = error * Gaussian(random);
            }

            var p = history.DealProbabilities[i];
            result[i] = 1 / (1 + Math.Exp(-(Math.Log(p / (1 - p)) + e)));
        }

        return result;
    }

    public static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
