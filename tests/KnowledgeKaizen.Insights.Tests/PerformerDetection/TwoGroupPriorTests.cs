namespace KnowledgeKaizen.Insights.Tests.PerformerDetection;

public sealed class TwoGroupPriorTests
{
    [Fact]
    public void Fit_OnPairsWithoutEffects_PutsEveryPairInTheNullGroup()
    {
        var random = new Random(4);
        var grids = Enumerable.Range(0, 300).Select(_ => Pair(random, 0.5, 80, 0).Grid(TwoGroupPrior.MinExpectationError)).ToList();

        var prior = TwoGroupPrior.Fit([grids], 0.5, 10)[0];

        Assert.InRange(prior.NullProportion, 0.97, 1);
    }

    [Fact]
    public void Posterior_OfPairsItWouldFlag_IsCalibrated()
    {
        // One in five pairs has an effect of ±0.8, the rest none; 60 entries each leave much of it to luck. Where the
        // posterior says "positive" with 80 % or more, the share that really is positive must be at least what it claims on
        // average: that is what keeps the false-discovery control honest. A zero-centred prior cannot copy two spikes, so it
        // may claim less than the truth (it errs towards "no effect"), never more.
        var random = new Random(2);
        var truth = Enumerable.Range(0, 3000).Select(i => i % 10 == 0 ? 0.8 : i % 10 == 1 ? -0.8 : 0).ToArray();
        var pairs = truth.Select(b => Pair(random, 0.4, 60, b)).ToList();
        var grids = pairs.Select(p => p.Grid(TwoGroupPrior.MinExpectationError)).ToList();

        var prior = TwoGroupPrior.Fit([grids], 0.5, 10)[0];
        var posteriors = pairs.Select((p, i) => prior.Posterior(p, grids[i], 0, 1.96)).ToList();

        var confident = Enumerable.Range(0, truth.Length).Where(i => posteriors[i].ProbabilityPositive >= 0.8).ToList();
        var claimed = confident.Average(i => posteriors[i].ProbabilityPositive);
        var real = confident.Average(i => truth[i] > 0 ? 1.0 : 0.0);
        Assert.True(confident.Count >= 50, $"{confident.Count} confident pairs");
        Assert.True(real >= claimed - 0.03, $"claimed {claimed:0.000}, really positive {real:0.000} of {confident.Count}");
        var nullPositive = posteriors.Where((_, i) => truth[i] == 0).Average(p => p.ProbabilityPositive);
        var realPositive = posteriors.Where((_, i) => truth[i] > 0).Average(p => p.ProbabilityPositive);
        Assert.True(nullPositive < 0.2 && realPositive > 0.6, $"mean P(positive): {nullPositive:0.000} without effect, {realPositive:0.000} with");
    }

    [Fact]
    public void Posterior_OfAPreciseLargeShift_IsConfident_AndOfAnImpreciseOneIsNot()
    {
        var prior = new TwoGroupPrior(0.9, 0.05, [0.5, 1.0], [0.5, 0.5]);

        Assert.True(Posterior(prior, 400, 0.5, 0.62).ProbabilityPositive > 0.95);
        Assert.True(Posterior(prior, 20, 0.5, 0.65).ProbabilityPositive < 0.5);
        Assert.True(Posterior(prior, 400, 0.5, 0.38).ProbabilityNegative > 0.95);
        Assert.InRange(Posterior(prior, 400, 0.5, 0.5).LocalFdr, 0.95, 1);
    }

    [Fact]
    public void Posterior_AtAStageWhereAlmostEveryDealAdvances_DoesNotMistakeOrdinaryLuckForALaggard()
    {
        // At p = 0.95 the count of lost deals is skewed: 7 losses where 3 were expected happen to 3 % of reps by luck
        // (binomial tail), which a normal approximation would call z ≈ −2.4 — 0.9 %.
        var prior = new TwoGroupPrior(0.9, 0.05, [0.5, 1.0], [0.5, 0.5]);

        Assert.True(Posterior(prior, 60, 0.95, 53.0 / 60).ProbabilityNegative < 0.5);
    }

    private static EffectPosterior Posterior(TwoGroupPrior prior, int n, double p, double rate)
    {
        var pair = new PairLikelihood([(Math.Log(p / (1 - p)), n)], n, (int)Math.Round(rate * n));
        return prior.Posterior(pair, pair.Grid(TwoGroupPrior.MinExpectationError), 0, 1.96);
    }

    private static PairLikelihood Pair(Random random, double p, int n, double effect)
    {
        var eta = Math.Log(p / (1 - p));
        var advanced = Enumerable.Range(0, n).Count(_ => random.NextDouble() < 1 / (1 + Math.Exp(-(eta + effect))));
        return new PairLikelihood([(eta, n)], n, advanced);
    }
}
