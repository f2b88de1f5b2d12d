namespace KnowledgeKaizen.Insights.Tests.PerformerDetection;

public sealed class ExplanationTests
{
    private static readonly Lazy<(SimulatedHistory History, PerformerAnalysis Analysis)> Run = new(() =>
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(30_000, 100, 11));
        return (history, TestData.Run(history).Analysis);
    });

    [Fact]
    public void Standouts_WhoWorkHarderDeals_AreExplainedAsHarderThanPeers()
    {
        var (history, analysis) = Run.Value;
        var real = analysis.Findings.Where(f => f.Class == FindingClass.Standout && history.TrueEffects[(f.RepId, f.Stage)] > 0).ToList();

        Assert.NotEmpty(real);
        Assert.All(real, f =>
        {
            var mix = f.Explanation.DealMix;
            Assert.True(mix.RepMeanExpected < mix.PeersMeanExpected, $"{f.RepId}/{f.Stage}: {mix.RepMeanExpected} vs {mix.PeersMeanExpected}");
            Assert.True(mix.Amount.RepMean > mix.Amount.PeersMean);
        });
        Assert.True(real.Count(f => f.Explanation.DealMix.Difficulty == DealDifficulty.Harder) * 2 > real.Count);

        // Their territories lean to cold outbound leads: on average the share shows it (single reps vary).
        var outbound = real.Select(f => f.Explanation.DealMix.Shares.Single(s => s is { Dimension: "Source", Category: "Outbound" })).ToList();
        Assert.True(outbound.Average(s => s.RepShare) > outbound.Average(s => s.PeersShare));
    }

    [Fact]
    public void Standouts_ShowTheirBehaviourAgainstPeers_WithEffectSizes()
    {
        var (_, analysis) = Run.Value;
        var standout = analysis.Findings.First(f => f.Class == FindingClass.Standout);
        var behaviour = standout.Explanation.Behaviour.ToDictionary(b => b.Measure);

        Assert.Equal(["Visits", "Calls", "Proposals", "Quotes", "HoursToFirstActivity", "DaysInStage"], behaviour.Keys);
        Assert.True(behaviour["Visits"].EffectSize > 0.3, $"visits d = {behaviour["Visits"].EffectSize}");
        Assert.True(behaviour["HoursToFirstActivity"].EffectSize < 0, $"hours d = {behaviour["HoursToFirstActivity"].EffectSize}");
        Assert.Equal(standout.Entries, behaviour["Visits"].RepCount);
    }

    [Fact]
    public void Findings_CarryConsistentEvidence()
    {
        var (_, analysis) = Run.Value;
        Assert.All(analysis.Findings.Where(f => f.Class != FindingClass.InsufficientData), f =>
        {
            Assert.Equal(f.Advanced - f.Expected, (f.ExcessLow + f.ExcessHigh) / 2, 9);
            Assert.InRange(f.Effect, f.EffectLow, f.EffectHigh);
            Assert.Equal(f.Advanced / f.Expected, f.Lift, 9);
            Assert.InRange(f.Explanation.RateLow, 0, f.Explanation.RateHigh);
            Assert.InRange(f.Posterior.LocalFdr, 0, 1);
        });
        Assert.True(analysis.EstimatedStandoutFdr <= TestData.Evidence.TargetFdr);
    }
}
