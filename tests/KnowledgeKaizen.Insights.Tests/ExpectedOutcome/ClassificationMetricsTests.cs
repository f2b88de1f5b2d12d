namespace KnowledgeKaizen.Insights.Tests.ExpectedOutcome;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Calibration_OfAConstantPerStagePrediction_HasOneBinPerStage_ThatMatchesItsRate()
    {
        // Three stages whose expectation is their base rate: splitting one into deciles would show luck as miscalibration.
        var random = new Random(5);
        var rates = new[] { 0.265, 0.41, 0.7 };
        var predicted = new List<double>();
        var labels = new List<bool>();
        foreach (var rate in rates)
        {
            var outcomes = Enumerable.Range(0, 3000).Select(_ => random.NextDouble() < rate).ToList();
            var observed = outcomes.Average(o => o ? 1.0 : 0.0);
            predicted.AddRange(outcomes.Select(_ => observed));
            labels.AddRange(outcomes);
        }

        var bins = ClassificationMetrics.Deciles(predicted, labels);

        Assert.Equal(3, bins.Count);
        Assert.All(bins, b => Assert.Equal(b.MeanPredicted, b.ObservedRate, 12));
        Assert.Equal([1, 2, 3], bins.Select(b => b.Decile));
    }

    [Fact]
    public void Calibration_OfVaryingPredictions_HasTenBinsOfAboutEqualSize()
    {
        var random = new Random(6);
        var predicted = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToList();
        var labels = predicted.Select(p => random.NextDouble() < p).ToList();

        var bins = ClassificationMetrics.Deciles(predicted, labels);

        Assert.Equal(10, bins.Count);
        Assert.All(bins, b => Assert.Equal(500, b.Count));
    }
}
