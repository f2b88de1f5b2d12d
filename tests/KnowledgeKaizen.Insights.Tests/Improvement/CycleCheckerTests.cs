using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Insights.Improvement;
using KnowledgeKaizen.Insights.Tests.Metrics;

namespace KnowledgeKaizen.Insights.Tests.Improvement;

public sealed class CycleCheckerTests : IDisposable
{
    private static readonly DateTime Rollout = CrmDatabase.Day(2026, 4, 1);
    private readonly CrmDatabase crm = new();
    private readonly Rep adopter;
    private readonly Rep other;

    public CycleCheckerTests()
    {
        adopter = crm.Rep("Ada", email: "ada@demo.kaizen");
        other = crm.Rep("Bo");
    }

    [Fact]
    public async Task Check_WithPlantedUpliftAfterRollout_FindsTheImprovement()
    {
        var (cycleId, check) = await CheckBeforeAndAfterRolloutAsync(0.5, 0.7, store: true);

        Assert.Equal(CheckVerdict.Improved, check!.Result.Verdict);
        Assert.Equal(50, check.Result.Before!.Value, 1);
        Assert.Equal(70, check.Result.After!.Value, 1);
        Assert.InRange(20, check.Result.Low!.Value, check.Result.High!.Value);
        Assert.Equal(CheckVerdict.Improved, (await crm.Db.ImprovementCycles.FindAsync(cycleId))!.LastCheck!.Verdict);
    }

    [Fact]
    public async Task Check_WithoutUplift_MakesNoClaim()
    {
        var (_, check) = await CheckBeforeAndAfterRolloutAsync(0.5, 0.5, store: false);

        Assert.Equal(CheckVerdict.NoEvidence, check!.Result.Verdict);
    }

    [Fact]
    public async Task Check_WithNoDataAfterRollout_IsNotEnoughData()
    {
        Plant(CrmDatabase.Day(2026, 1, 1), 240, 0.5);
        var cycleId = await CycleInCheckAsync();

        var check = await Checker(CrmDatabase.Day(2026, 7, 1)).CheckAsync(cycleId, store: false);

        Assert.Equal(CheckVerdict.NotEnoughData, check!.Result.Verdict);
        Assert.Equal(0, check.Result.AfterSample);
        Assert.Contains(check.Series, p => p.Period == "before" && p.Value is not null);
    }

    [Fact]
    public async Task Check_AdoptersAgainstOthers_ComparesRepsWhoAppliedThePlaybook()
    {
        Plant(CrmDatabase.Day(2026, 1, 1), 240, 0.5);
        Plant(Rollout, 240, 0.5, other);
        Plant(Rollout.AddDays(1), 240, 0.8, adopter);
        var user = new AppUser { Id = "u-ada", UserName = "ada@demo.kaizen", Email = "ada@demo.kaizen", NormalizedEmail = "ADA@DEMO.KAIZEN" };
        crm.Add(user);
        crm.Add(new PlaybookApplication(7, user.Id, Rollout));
        var cycleId = await CycleInCheckAsync();

        var check = await Checker(CrmDatabase.Day(2026, 7, 1)).CheckAsync(cycleId, store: false);

        Assert.Equal(1, check!.AdopterReps);
        Assert.Equal(CheckVerdict.Improved, check.Adopters!.Verdict);
        Assert.Equal(30, check.Adopters.Effect!.Value, 1);
    }

    [Fact]
    public async Task Check_MetricRemovedFromTheCatalogue_IsUnavailable()
    {
        var cycleId = await CycleInCheckAsync();
        var shrunk = new MetricCatalogue([.. MetricCatalogue.Default.Metrics.Where(m => m.Key != "stage-conversion")]);

        var check = await Checker(CrmDatabase.Day(2026, 7, 1), shrunk).CheckAsync(cycleId, store: false);

        Assert.Equal(CheckVerdict.Unavailable, check!.Result.Verdict);
    }

    [Fact]
    public async Task Check_MetricDefinitionChanged_IsFlagged()
    {
        Plant(CrmDatabase.Day(2026, 1, 1), 240, 0.5);
        var cycleId = await CycleInCheckAsync();
        var bumped = new MetricCatalogue([.. MetricCatalogue.Default.Metrics.Select(m => m.Key == "stage-conversion" ? m with { Version = m.Version + 1 } : m)]);

        var check = await Checker(CrmDatabase.Day(2026, 7, 1), bumped).CheckAsync(cycleId, store: false);

        Assert.True(check!.DefinitionChanged);
    }

    [Fact]
    public async Task Measure_StageConversionForATeam_CountsOnlyThatTeamsDecisions()
    {
        var west = crm.Rep("Cy", team: "West-1", region: "West");
        Plant(CrmDatabase.Day(2026, 1, 1), 100, 0.5);
        Plant(CrmDatabase.Day(2026, 1, 1), 100, 1.0, west);

        var baseline = await new CycleMetrics(crm.Db, MetricCatalogue.Default)
            .MeasureAsync(new TargetMetric("stage-conversion", "qualify", "West-1"), CrmDatabase.Day(2026, 1, 1), CrmDatabase.Day(2026, 4, 1));

        Assert.Equal(100, baseline.Sample);
        Assert.Equal(100, baseline.Value!.Value, 6);
    }

    /// <summary>Decisions at qualify spread over 60 days from <paramref name="start"/>, with the given share advanced (exactly).</summary>
    private void Plant(DateTime start, int count, double advancedShare, Rep? rep = null)
    {
        var opportunities = Enumerable.Range(0, count).Select(i => new Opportunity(crm.Next("OPP"), crm.Customer.Id, (rep ?? Alternate(i)).Id, 1000,
            "retail", LeadSource.Web, "East", start.AddHours(i * 6))).ToList();
        crm.Db.AddRange(opportunities);
        crm.Db.SaveChanges();
        var advanced = (int)Math.Round(count * advancedShare);
        for (var i = 0; i < count; i++)
        {
            var entry = new StageHistoryEntry(crm.Next("SH"), opportunities[i].Id, crm.Qualify.Id, opportunities[i].OwnerId, start.AddHours(i * 6));
            // Interleave outcomes so every month of the window has the same share.
            if ((i * advanced / count) != ((i + 1) * advanced / count))
            {
                entry.Advance(start.AddHours((i * 6) + 1));
            }
            else
            {
                entry.Lose(start.AddHours((i * 6) + 1));
            }

            crm.Db.Add(entry);
        }

        crm.Db.SaveChanges();
    }

    /// <summary>
    /// Checks, on 1 July, a cycle whose stage converted <paramref name="before"/> of 240 decisions from 1 January and
    /// <paramref name="after"/> of 240 from the rollout.
    /// </summary>
    private async Task<(int CycleId, CycleCheck? Check)> CheckBeforeAndAfterRolloutAsync(double before, double after, bool store)
    {
        Plant(CrmDatabase.Day(2026, 1, 1), 240, before);
        Plant(Rollout, 240, after);
        var cycleId = await CycleInCheckAsync();
        return (cycleId, await Checker(CrmDatabase.Day(2026, 7, 1)).CheckAsync(cycleId, store));
    }

    private Rep Alternate(int i) => i % 2 == 0 ? adopter : other;

    private async Task<int> CycleInCheckAsync()
    {
        var plan = new CyclePlan(CycleType.Pdca, "Faster first call", "Qualify conversion is low", null, null, "KM",
            new CycleRoles("Ann", "Ben", "Cai"), new TargetMetric("stage-conversion", "qualify", null), 60,
            CrmDatabase.Day(2026, 1, 1), CrmDatabase.Day(2026, 3, 15), Rollout, CrmDatabase.Day(2026, 6, 30));
        var cycle = ImprovementCycle.Open(plan, new MeasuredBaseline(50, 240, 1), CrmDatabase.Day(2025, 12, 1));
        cycle.Link(CycleLinkKind.Playbook, 7, "First call within 5 hours", Rollout);
        cycle.MoveTo(CyclePhase.Do, Rollout);
        cycle.MoveTo(CyclePhase.Check, CrmDatabase.Day(2026, 7, 1));
        crm.Db.Add(cycle);
        await crm.Db.SaveChangesAsync();
        return cycle.Id;
    }

    private CycleChecker Checker(DateTime now, MetricCatalogue? catalogue = null)
    {
        var clock = new ManualClock(now);
        return new CycleChecker(crm.Db, new CycleMetrics(crm.Db, catalogue ?? MetricCatalogue.Default), new AdoptionService(crm.Db, clock), clock);
    }

    public void Dispose() => crm.Dispose();
}
