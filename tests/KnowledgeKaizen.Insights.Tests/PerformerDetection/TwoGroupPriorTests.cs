using KnowledgeKaizen.Insights.PerformerDetection;

namespace KnowledgeKaizen.Insights.Tests.PerformerDetection;

public sealed class TwoGroupPriorTests
{
    [Fact]
    public void Fit_RecoversTheNullShareAndEffectSizes()
    {
        var rng = new Random(2);
        var truth = Enumerable.Range(0, 4000).Select(i => i % 10 == 0 ? 1.0 : i % 10 == 1 ? -1.0 : 0).ToArray();
        var se = truth.Select(_ => 0.2 + (0.2 * rng.NextDouble())).ToArray();
        var estimates = truth.Select((b, i) => b + (se[i] * Gaussian(rng))).ToArray();

        var prior = TwoGroupPrior.Fit(estimates, se, 0.5);

        Assert.InRange(prior.NullProportion, 0.75, 0.85);
        Assert.InRange(prior.PositiveMean, 0.85, 1.15);
        Assert.InRange(prior.NegativeMean, -1.15, -0.85);
    }

    [Fact]
    public void Posterior_OfAPreciseLargeEstimate_IsConfidentAndOfAnImpreciseOneIsNot()
    {
        var prior = new TwoGroupPrior(0.9, 0.5, 0.8, -0.8, 0.01);

        Assert.True(prior.Posterior(0.9, 0.15).ProbabilityPositive > 0.95);
        Assert.True(prior.Posterior(0.9, 0.6).ProbabilityPositive < 0.5);
        Assert.True(prior.Posterior(-0.9, 0.15).ProbabilityNegative > 0.95);
        Assert.InRange(prior.Posterior(0, 0.15).LocalFdr, 0.99, 1);
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
