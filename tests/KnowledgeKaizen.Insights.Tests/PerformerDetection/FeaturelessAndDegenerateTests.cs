using KnowledgeKaizen.Core.PerformerDetection;
using KnowledgeKaizen.Insights.PerformerDetection;
using KnowledgeKaizen.Testing.Simulation;

namespace KnowledgeKaizen.Insights.Tests.PerformerDetection;

public sealed class FeaturelessAndDegenerateTests
{
    [Fact]
    public void AllDealsAlike_FallsBackToStageBaseRates_AndEqualsShrinkageOfRawRates()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(12_000, 60, 3) { DealsDiffer = false });
        var result = TestData.Run(history);

        Assert.Equal("StageBaseRate", result.Training.Model.Report.Trainer);
        var stageRate = history.Rows.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.Average(r => r.Advanced ? 1.0 : 0.0));
        for (var i = 0; i < history.Rows.Count; i++)
        {
            Assert.Equal(stageRate[history.Rows[i].Stage], result.Training.OutOfFoldExpected[i], 12);
        }

        // Shrinkage computed by hand from raw rates and stage rates alone must give the same posteriors.
        var fitted = result.Analysis.Stages.Where(s => s.Prior is not null).ToList();
        Assert.NotEmpty(fitted);
        foreach (var stage in fitted)
        {
            var b = stageRate[stage.Stage];
            var pairs = result.Analysis.Findings.Where(f => f.Stage == stage.Stage).ToList();
            var eligible = pairs.Where(f => f.Class != FindingClass.InsufficientData).ToList();
            Assert.NotEmpty(eligible);
            var estimates = eligible.Select(f => (f.RawRate - b) / (b * (1 - b))).ToArray();
            var errors = eligible.Select(f => 1 / Math.Sqrt(f.Entries * b * (1 - b))).ToArray();
            var prior = TwoGroupPrior.Fit(estimates, errors, TestData.Evidence.MinNullProportion);
            foreach (var f in eligible)
            {
                var posterior = prior.Posterior((f.RawRate - b) / (b * (1 - b)), 1 / Math.Sqrt(f.Entries * b * (1 - b)));
                Assert.Equal(posterior.ProbabilityPositive, f.Posterior.ProbabilityPositive, 6);
                var shrunk = 1 / (1 + Math.Exp(-(Math.Log(b / (1 - b)) + posterior.MeanEffect)));
                Assert.Equal(shrunk, f.ShrunkRate, 6);
            }

            // Shrinkage goes toward the fitted prior (which may centre real effects away from zero), so the check
            // is on the spread: shrunk rates vary less around the stage rate than raw rates do.
            Assert.True(eligible.Sum(f => Math.Pow(f.ShrunkRate - b, 2)) < eligible.Sum(f => Math.Pow(f.RawRate - b, 2)));
        }
    }

    [Fact]
    public void NoRows_IsNotEnoughData()
    {
        var outcome = new PerformerDetectionEngine(TestData.FastModel, TestData.Evidence).Run([]);
        Assert.False(outcome.Succeeded);
        Assert.Contains("no stage history", outcome.NotEnoughData!.Reason);
    }

    [Fact]
    public void TooFewRows_IsNotEnoughData()
    {
        var rows = Enumerable.Range(0, 50).Select(i => TestData.Row(i % 5, "Qualify", i % 2 == 0)).ToList();
        var outcome = new PerformerDetectionEngine(TestData.FastModel, TestData.Evidence).Run(rows);
        Assert.Contains("at least 200", outcome.NotEnoughData!.Reason);
    }

    [Fact]
    public void OneOutcomeClass_IsNotEnoughData()
    {
        var rows = Enumerable.Range(0, 500).Select(i => TestData.Row(i % 5, "Qualify", true)).ToList();
        var outcome = new PerformerDetectionEngine(TestData.FastModel, TestData.Evidence).Run(rows);
        Assert.Contains("one outcome class", outcome.NotEnoughData!.Reason);
    }

    [Fact]
    public void OneRep_IsNotEnoughData()
    {
        var rows = Enumerable.Range(0, 500).Select(i => TestData.Row(1, i % 2 == 0 ? "Qualify" : "Propose", i % 3 == 0)).ToList();
        var outcome = new PerformerDetectionEngine(TestData.FastModel, TestData.Evidence).Run(rows);
        Assert.Contains("only one rep", outcome.NotEnoughData!.Reason);
    }

    [Fact]
    public void SingleStageWithTooFewEvidencedReps_IsNotEnoughData()
    {
        // 400 rows over 40 reps: ten entries each, below the minimum, so no stage can fit a prior.
        var rows = Enumerable.Range(0, 400).Select(i => TestData.Row(i % 40, "Qualify", i % 3 == 0, 1000 + i)).ToList();
        var outcome = new PerformerDetectionEngine(TestData.FastModel, TestData.Evidence).Run(rows);
        Assert.False(outcome.Succeeded);
        Assert.Contains("no stage has", outcome.NotEnoughData!.Reason);
    }

    [Fact]
    public void SmallPairs_AreInsufficientData_WithAReason()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(6_000, 60, 9));
        var findings = TestData.Run(history).Analysis.Findings;
        var small = findings.Where(f => f.Entries < TestData.Evidence.MinEntries).ToList();
        Assert.NotEmpty(small);
        Assert.All(small, f =>
        {
            Assert.Equal(FindingClass.InsufficientData, f.Class);
            Assert.False(string.IsNullOrEmpty(f.InsufficientReason));
        });
    }

    [Fact]
    public void MismatchedExpectations_AreAWiringError()
    {
        var rows = new[] { TestData.Row(1, "Qualify", true) };
        Assert.Throws<ArgumentException>(() => new PerformerAnalyzer(TestData.Evidence).Analyze(rows, []));
    }
}
