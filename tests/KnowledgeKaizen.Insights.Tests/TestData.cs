using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Insights.PerformerDetection;
using KnowledgeKaizen.Testing.Simulation;

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
}
