using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Insights.Improvement;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>
/// The real demo data installed on 2027-05-20, 200 days after the seed's own last day: it ends yesterday, nothing
/// shipped is overdue, the backlog is not all a month old, and a cycle planned on the recent months gets a real check.
/// </summary>
public sealed class DemoDataMovesWithTheInstallTests(DemoDataMovesWithTheInstallTests.Portal factory) : IClassFixture<DemoDataMovesWithTheInstallTests.Portal>
{
    private static readonly DateTime Today = new(2027, 5, 20, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The demo portal on another day, without the first retraining (nothing here reads findings).</summary>
    public sealed class Portal : UntrainedDemoDataPortalFactory
    {
        protected override TimeProvider? Clock { get; } = new ManualClock(new DateTimeOffset(Today));

        protected override bool StartsFromTheDemoTemplate => false;
    }

    [Fact]
    public async Task TheDataEndsYesterday_EveryDateMovedByTheSameDays()
    {
        var (firstDeal, lastActivity, lastCase, lastFeedback, lastEntry) = await factory.WithDbAsync(async db => (
            await db.Opportunities.Where(o => o.ExternalId == "OPP-000001").Select(o => o.CreatedAt).SingleAsync(),
            await db.Activities.MaxAsync(a => a.OccurredAt),
            await db.ServiceCases.MaxAsync(c => c.OpenedAt),
            await db.Feedback.MaxAsync(f => f.ReceivedAt),
            await db.StageHistory.MaxAsync(h => h.EnteredAt)));

        // OPP-000001 was created 2024-11-01 08:56 in the seed; 2026-10-31 → 2027-05-19 is 200 days.
        Assert.Equal(new DateTime(2025, 5, 20, 8, 56, 0), firstDeal);
        Assert.All(new[] { lastActivity, lastCase, lastFeedback, lastEntry }, last => Assert.Equal(new DateTime(2027, 5, 19), last.Date));
    }

    [Fact]
    public async Task OnTheFirstDay_NothingShippedIsOverdue_AndTheOpenBacklogIsNotAllAMonthOld()
    {
        var (overdue, recentOpenCases) = await factory.WithDbAsync(async db => (
            await new KnowledgeReader(db, new ManualClock(new DateTimeOffset(Today))).OverdueAsync(),
            await db.ServiceCases.CountAsync(c => c.ResolvedAt == null && c.OpenedAt >= Today.AddDays(-30))));

        Assert.Empty(overdue);
        Assert.True(recentOpenCases > 0, "every open case is at least 30 days old");
    }

    [Fact]
    public async Task ACyclePlannedOnTheRecentMonths_GetsARealCheck()
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var plan = new CyclePlan(CycleType.Pdca, "Better proposals", "Proposals convert too rarely.", null, null, "Zhou Min",
            new CycleRoles("Zhou Min", "Li Na", "Zhou Min"), new TargetMetric("stage-conversion", "propose", null), 80,
            Today.Date.AddDays(-150), Today.Date.AddDays(-60), Today.Date.AddDays(-60), Today.Date);
        var cycle = await services.GetRequiredService<ImprovementService>().PlanAsync(plan);

        var check = await services.GetRequiredService<CycleChecker>().CheckAsync(cycle.Id, store: false);

        Assert.NotNull(check);
        Assert.NotEqual(CheckVerdict.NotEnoughData, check.Result.Verdict);
        Assert.True(check.Result.BeforeSample > 100 && check.Result.AfterSample > 100,
            $"before {check.Result.BeforeSample}, after {check.Result.AfterSample} decided entries");
    }
}
