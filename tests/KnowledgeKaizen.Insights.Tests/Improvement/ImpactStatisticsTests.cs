using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Insights.Improvement;

namespace KnowledgeKaizen.Insights.Tests.Improvement;

public sealed class ImpactStatisticsTests
{
    [Fact]
    public void Proportions_WithPlantedUplift_AreImprovedWithIntervalAroundTheTruth()
    {
        var random = new Random(1);
        var (s1, s2) = (Draws(random, 1000, 0.30), Draws(random, 1000, 0.40));

        var estimate = ImpactStatistics.CompareProportions(s1, 1000, s2, 1000, higherIsBetter: true);

        Assert.Equal(CheckVerdict.Improved, estimate.Verdict);
        Assert.InRange(0.10, estimate.Low!.Value, estimate.High!.Value);
        Assert.True(estimate.PValue < 0.001);
    }

    [Fact]
    public void Proportions_WithoutUplift_RarelyClaimAnything()
    {
        var claims = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var estimate = ImpactStatistics.CompareProportions(Draws(random, 400, 0.3), 400, Draws(random, 400, 0.3), 400, true);
            claims += estimate.Verdict is CheckVerdict.Improved or CheckVerdict.Worse ? 1 : 0;
        }

        // Nominal 5 %; the Newcombe interval and the z-test must both agree, so the rate is at most that plus noise.
        Assert.InRange(claims / 300.0, 0, 0.08);
    }

    [Fact]
    public void Proportions_DropInABetterIsHigherMetric_IsWorse()
    {
        var estimate = ImpactStatistics.CompareProportions(500, 1000, 400, 1000, higherIsBetter: true);

        Assert.Equal(CheckVerdict.Worse, estimate.Verdict);
        Assert.True(estimate.High < 0);
    }

    [Theory]
    [InlineData(10, 20, 400, 1000)]
    [InlineData(400, 1000, 2, 29)]
    [InlineData(400, 1000, 2, 200)]
    public void Proportions_OnSmallSamples_AreNotEnoughData(long s1, long n1, long s2, long n2)
    {
        var estimate = ImpactStatistics.CompareProportions(s1, n1, s2, n2, true);

        Assert.Equal(CheckVerdict.NotEnoughData, estimate.Verdict);
        Assert.Null(estimate.PValue);
    }

    [Fact]
    public void Wilson_MatchesTheTextbookInterval()
    {
        // Newcombe (1998), example: 81/263 → 0.2553 to 0.3662.
        var (low, high) = ImpactStatistics.Wilson(81, 263);

        Assert.Equal(0.2553, low, 3);
        Assert.Equal(0.3662, high, 3);
    }

    [Fact]
    public void Newcombe_MatchesThePublishedExample()
    {
        // Newcombe (1998) method 10, 56/70 vs 48/80: difference 0.2, interval 0.0524 to 0.3339 (first − second).
        var estimate = ImpactStatistics.CompareProportions(48, 80, 56, 70, true);

        Assert.Equal(0.2, estimate.Effect!.Value, 6);
        Assert.Equal(0.0524, estimate.Low!.Value, 3);
        Assert.Equal(0.3339, estimate.High!.Value, 3);
    }

    [Fact]
    public void Durations_WithPlantedSpeedUp_AreImprovedWhenLowerIsBetter()
    {
        var random = new Random(3);
        var before = LogNormal(random, 200, Math.Log(10));
        var after = LogNormal(random, 200, Math.Log(7));

        var estimate = ImpactStatistics.CompareDurations(before, after, higherIsBetter: false);

        Assert.Equal(CheckVerdict.Improved, estimate.Verdict);
        Assert.True(estimate.High < 0);
    }

    [Fact]
    public void Durations_WithoutChange_RarelyClaimAnything()
    {
        var claims = 0;
        for (var seed = 0; seed < 100; seed++)
        {
            var random = new Random(seed);
            var estimate = ImpactStatistics.CompareDurations(LogNormal(random, 60, 2), LogNormal(random, 60, 2), false, seed);
            claims += estimate.Verdict is CheckVerdict.Improved or CheckVerdict.Worse ? 1 : 0;
        }

        Assert.InRange(claims / 100.0, 0, 0.1);
    }

    [Fact]
    public void Durations_WithFewObservations_AreNotEnoughData()
    {
        var estimate = ImpactStatistics.CompareDurations([1, 2, 3], [1, 2, 3, 4], false);

        Assert.Equal(CheckVerdict.NotEnoughData, estimate.Verdict);
        Assert.Equal(2, estimate.First);
    }

    [Fact]
    public void MannWhitney_OnIdenticalSamples_IsNotSignificant() =>
        Assert.True(ImpactStatistics.MannWhitneyPValue([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]) > 0.9);

    [Fact]
    public void NormalUpperTail_MatchesKnownQuantiles()
    {
        Assert.Equal(0.025, ImpactStatistics.NormalUpperTail(1.959964), 5);
        Assert.Equal(0.5, ImpactStatistics.NormalUpperTail(0), 6);
        Assert.Equal(0.975, ImpactStatistics.NormalUpperTail(-1.959964), 5);
    }

    private static long Draws(Random random, int n, double p) => Enumerable.Range(0, n).Count(_ => random.NextDouble() < p);

    private static List<double> LogNormal(Random random, int n, double mu) =>
        [.. Enumerable.Range(0, n).Select(_ => Math.Exp(mu + (0.6 * Gaussian(random))))];

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
