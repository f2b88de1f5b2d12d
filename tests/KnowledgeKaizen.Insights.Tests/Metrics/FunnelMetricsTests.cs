using static KnowledgeKaizen.Insights.Tests.Metrics.CrmDatabase;

namespace KnowledgeKaizen.Insights.Tests.Metrics;

public sealed class FunnelMetricsTests : IDisposable
{
    private static readonly MetricFilter January = new(Day(2026, 1, 1), Day(2026, 2, 1));
    private readonly CrmDatabase crm = new();
    private readonly Rep ann;
    private readonly Rep bob;

    public FunnelMetricsTests()
    {
        ann = crm.Rep("Ann", "East-1", "East", "ann@demo.test");
        bob = crm.Rep("Bob", "West-1", "West");

        // Opportunity 1 (Ann): qualify 2 days → discover 4 days → won after 10 days.
        var o1 = crm.Opportunity(ann, Day(2026, 1, 1));
        crm.Stage(o1, crm.Qualify, ann, Day(2026, 1, 1), Day(2026, 1, 3));
        crm.Stage(o1, crm.Discover, ann, Day(2026, 1, 3), Day(2026, 1, 7));
        o1.Win(Day(2026, 1, 11), 900);
        // Opportunity 2 (Ann): qualify 6 days → discover lost after 1 day.
        var o2 = crm.Opportunity(ann, Day(2026, 1, 2), source: LeadSource.Referral);
        crm.Stage(o2, crm.Qualify, ann, Day(2026, 1, 2), Day(2026, 1, 8));
        crm.Stage(o2, crm.Discover, ann, Day(2026, 1, 8), Day(2026, 1, 9), advanced: false);
        o2.Lose(Day(2026, 1, 9), "price");
        // Opportunity 3 (Bob): lost at qualify after 1 day.
        var o3 = crm.Opportunity(bob, Day(2026, 1, 5), industry: "finance");
        crm.Stage(o3, crm.Qualify, bob, Day(2026, 1, 5), Day(2026, 1, 6), advanced: false);
        o3.Lose(Day(2026, 1, 6), "no budget");
        // Opportunity 4 (Bob): still open at qualify.
        crm.Stage(crm.Opportunity(bob, Day(2026, 1, 10)), crm.Qualify, bob, Day(2026, 1, 10));
        // Opportunity 5 (Bob): entered in December, so outside January even though it advanced in January.
        crm.Stage(crm.Opportunity(bob, Day(2025, 12, 20)), crm.Qualify, bob, Day(2025, 12, 20), Day(2026, 1, 4));
        crm.Db.SaveChanges();
    }

    [Fact]
    public async Task Funnel_CountsEntriesInThePeriodTheyWereEntered()
    {
        var funnel = await crm.Metrics.FunnelAsync(January);

        var qualify = funnel.Stages[0];
        Assert.Equal(("qualify", 4L, 2L, 1L, 1L), (qualify.Stage.Code, qualify.Entered, qualify.Advanced, qualify.Lost, qualify.Open));
        Assert.Equal(2.0 / 3, qualify.Conversion!.Value, 9);
        var discover = funnel.Stages[1];
        Assert.Equal((2L, 1L, 1L), (discover.Entered, discover.Advanced, discover.Lost));
        Assert.Equal(0.5, discover.Conversion!.Value, 9);
        Assert.Equal(1.0 / 3, discover.Cumulative!.Value, 9);
    }

    [Fact]
    public async Task Funnel_TimeInStage_AveragesAndTakesTheNearestRankMedianOfLeftEntries()
    {
        var funnel = await crm.Metrics.FunnelAsync(January);

        var qualify = funnel.Stages[0].DaysInStage;
        Assert.Equal(3, qualify.Count);
        Assert.Equal(3.0, qualify.Average!.Value, 6);
        Assert.Equal(2.0, qualify.Median!.Value, 6);
        Assert.Equal(6.0, qualify.P90!.Value, 6);
        Assert.Equal(1.0, funnel.Stages[1].DaysInStage.Median!.Value, 6);
    }

    [Fact]
    public async Task ConversionCycle_IsCreatedToWonForDealsWonInThePeriod()
    {
        var funnel = await crm.Metrics.FunnelAsync(January);

        Assert.Equal(1, funnel.ConversionCycleDays.Count);
        Assert.Equal(10.0, funnel.ConversionCycleDays.Average!.Value, 6);
    }

    [Fact]
    public async Task Funnel_FiltersByRepIndustryAndSource()
    {
        var forBob = await crm.Metrics.FunnelAsync(January with { RepId = bob.Id });
        var finance = await crm.Metrics.FunnelAsync(January with { Industry = "finance" });
        var referral = await crm.Metrics.FunnelAsync(January with { Source = LeadSource.Referral });
        var westTeam = await crm.Metrics.FunnelAsync(January with { Team = "West-1" });

        Assert.Equal(2, forBob.Stages[0].Entered);
        Assert.Equal(1, finance.Stages[0].Entered);
        Assert.Equal(1, finance.Stages[0].Lost);
        Assert.Equal((1L, 1L), (referral.Stages[1].Entered, referral.Stages[1].Lost));
        Assert.Equal(2, westTeam.Stages[0].Entered);
    }

    [Fact]
    public async Task Funnel_WithAStageFilter_ShowsOnlyThatStageWithoutCumulative()
    {
        var funnel = await crm.Metrics.FunnelAsync(January with { Stage = "discover" });

        var only = Assert.Single(funnel.Stages);
        Assert.Equal("discover", only.Stage.Code);
        Assert.Null(only.Cumulative);
    }

    [Fact]
    public async Task Funnel_ThatMatchesNothing_IsEmptyNotAnError()
    {
        var funnel = await crm.Metrics.FunnelAsync(January with { Industry = "no-such-industry", Stage = "no-such-stage" });

        Assert.True(funnel.IsEmpty);
        Assert.Equal(0, funnel.ConversionCycleDays.Count);
    }

    [Fact]
    public async Task Heatmap_GivesEachRepTheirDecidedCountAndRate()
    {
        var matrix = await crm.Metrics.RepStageMatrixAsync(new MetricViewer(true, null), January);

        var annRow = matrix.Rows.Single(r => r.Rep.Id == ann.Id);
        Assert.Equal((2L, 2L), (annRow.Cell("qualify")!.Decided, annRow.Cell("qualify")!.Advanced));
        Assert.Equal(0.5, annRow.Cell("discover")!.Rate!.Value, 9);
        var bobRow = matrix.Rows.Single(r => r.Rep.Id == bob.Id);
        Assert.Equal((1L, 0L), (bobRow.Cell("qualify")!.Decided, bobRow.Cell("qualify")!.Advanced));
        Assert.Equal(3, matrix.Company.Single(c => c.StageCode == "qualify").Decided);
    }

    [Fact]
    public async Task Heatmap_ForARepWhoIsNotAManager_ShowsOnlyTheirOwnRowButTheCompanyCells()
    {
        var viewer = await crm.Metrics.ViewerAsync(null, "ANN@demo.test", isManager: false);
        var matrix = await crm.Metrics.RepStageMatrixAsync(viewer, January);

        Assert.Equal(ann.Id, Assert.Single(matrix.Rows).Rep.Id);
        Assert.Equal(3, matrix.Company.Single(c => c.StageCode == "qualify").Decided);
    }

    [Fact]
    public async Task RepReport_ComparesTheRepWithTeamAndCompany_AndIsHiddenFromOtherReps()
    {
        var manager = new MetricViewer(true, null);
        var report = await crm.Metrics.RepReportAsync(manager, bob.Id, January);
        var asAnn = await crm.Metrics.RepReportAsync(new MetricViewer(false, ann.Id), bob.Id, January);
        var missing = await crm.Metrics.RepReportAsync(manager, 987654, January);

        Assert.NotNull(report);
        var qualify = report.Stages.Single(s => s.Stage.Code == "qualify");
        Assert.Equal((1L, 0L), (qualify.Rep.Decided, qualify.Rep.Advanced));
        Assert.Equal((1L, 0L), (qualify.Team.Decided, qualify.Team.Advanced));
        Assert.Equal((3L, 2L), (qualify.Company.Decided, qualify.Company.Advanced));
        var month = Assert.Single(report.Trend);
        Assert.Equal(("2026-01", 1L, 5L), (month.Month, month.Rep.Decided, month.Company.Decided));
        Assert.Null(asAnn);
        Assert.Null(missing);
    }

    public void Dispose() => crm.Dispose();
}
