using KnowledgeKaizen.SeedGenerator.People;
using KnowledgeKaizen.SeedGenerator.Pipeline;

namespace KnowledgeKaizen.SeedGenerator.Tests;

/// <summary>Checks the planted facts on the default-sized data, computed here from the streamed rows.</summary>
public class PlantedTruthTests
{
    private static readonly DemoDataGenerator Generator = new(new DemoDataOptions());
    private static readonly List<StageEntry> Decided = Generator.StreamStageEntries().Where(e => e.Outcome != StageOutcome.Open).ToList();

    private static (double Raw, double Expected, int Count) Figures(IEnumerable<StageEntry> entries)
    {
        var list = entries.ToList();
        return (list.Count(e => e.Outcome == StageOutcome.Advanced) / (double)list.Count, list.Average(e => e.ExpectedProbability), list.Count);
    }

    [Fact]
    public void Standouts_LookAverageRaw_ButBeatTheirExpectedOutcome()
    {
        var standouts = Generator.Reps.Where(r => r.Planted == PlantedRole.Standout).ToList();
        Assert.Equal(5, standouts.Count);
        foreach (var rep in standouts)
        {
            var atStage = Decided.Where(e => e.Stage == rep.PlantedStage).ToList();
            var population = Figures(atStage);
            var own = Figures(atStage.Where(e => e.RepId == rep.Id));

            Assert.True(own.Count >= 40, $"{rep.Id}: only {own.Count} decided entries");
            Assert.True(own.Raw - population.Raw < 0.1, $"{rep.Id}: raw {own.Raw:F3} is clearly above {population.Raw:F3}");
            Assert.True(own.Raw - own.Expected > 0.08, $"{rep.Id}: raw {own.Raw:F3} vs expected {own.Expected:F3}");
        }
    }

    [Fact]
    public void Laggards_ConvertClearlyBelowExpected()
    {
        var laggards = Generator.Reps.Where(r => r.Planted == PlantedRole.Laggard).ToList();
        Assert.NotEmpty(laggards);
        foreach (var rep in laggards)
        {
            var own = Figures(Decided.Where(e => e.Stage == rep.PlantedStage && e.RepId == rep.Id));
            Assert.True(own.Expected - own.Raw > 0.08, $"{rep.Id}: raw {own.Raw:F3} vs expected {own.Expected:F3}");
        }
    }

    [Fact]
    public void NewReps_HaveTooFewEntriesToJudge_AndTheLuckyOneLooksGood()
    {
        var newReps = Generator.Reps.Where(r => r.Planted == PlantedRole.NewRep).ToList();
        Assert.Equal(4, newReps.Count);
        Assert.All(newReps, rep => Assert.True(Decided.Where(e => e.RepId == rep.Id).GroupBy(e => e.Stage).Max(g => g.Count()) < 20));

        var lucky = Figures(Decided.Where(e => e.RepId == newReps.Single(r => r.Lucky).Id));
        var everyone = Figures(Decided);
        Assert.True(lucky.Raw > everyone.Raw + 0.1, $"lucky raw {lucky.Raw:F3} vs {everyone.Raw:F3}");
    }

    [Fact]
    public void EveryoneElse_HasNoRepEffect()
    {
        Assert.All(Generator.Reps.Where(r => r.Planted is PlantedRole.None or PlantedRole.NewRep), r => Assert.All(r.StageEffect, e => Assert.Equal(0, e)));
        Assert.All(Decided.Where(e => Generator.Reps.First(r => r.Id == e.RepId).Planted == PlantedRole.None),
            e => Assert.Equal(e.ExpectedProbability, e.TrueProbability, 12));
    }
}
