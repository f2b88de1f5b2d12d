using KnowledgeKaizen.Core.Data;
using static KnowledgeKaizen.Insights.Tests.Metrics.CrmDatabase;

namespace KnowledgeKaizen.Insights.Tests.Metrics;

/// <summary>The monthly pre-aggregates give exactly the live queries' figures, stay correct after imports, and are never read stale.</summary>
public sealed class MetricFactsTests : IDisposable
{
    private static readonly MetricViewer Manager = new(true, null);
    private readonly ImportedCrm crm = new();

    private static IEnumerable<MetricFilter> Filters(long repId) =>
    [
        new(Day(2026, 1, 1), Day(2026, 5, 1)),
        new(Day(2026, 1, 10), Day(2026, 3, 20)),
        new(Day(2026, 2, 3), Day(2026, 2, 20)),
        new(Day(2025, 12, 15), Day(2026, 6, 1), Team: "East A"),
        new(Day(2026, 1, 1), Day(2026, 4, 1), Region: "West", Stage: "discover"),
        new(Day(2026, 2, 1), Day(2026, 4, 17), RepId: repId),
    ];

    private long Ann => crm.Scalar("SELECT Id FROM Reps WHERE ExternalId = 'r1'");

    /// <summary>Every dashboard's result for every test filter, as comparable text.</summary>
    private async Task<List<string>> DashboardsAsync()
    {
        var results = new List<string>();
        foreach (var filter in Filters(Ann))
        {
            await using var db = crm.NewContext();
            var metrics = new ProcessMetrics(db);
            results.Add(MetricResultsJson.Of(await metrics.OverviewAsync(filter)));
            results.Add(MetricResultsJson.Of(await metrics.RepStageMatrixAsync(Manager, filter)));
            results.Add(MetricResultsJson.Of((await metrics.RepReportAsync(Manager, Ann, filter))!));
            results.Add(MetricResultsJson.Of(await metrics.ActivityMixAsync(filter)));
            results.Add(MetricResultsJson.Of(await metrics.ServiceAsync(filter)));
        }

        return results;
    }

    private bool Fresh => crm.Scalar("SELECT Fresh FROM MetricFactsState") == 1;

    /// <summary>A write outside the import pipeline that changes nothing, but fires the change triggers.</summary>
    private void TouchStageHistory() => crm.Scalar("UPDATE StageHistory SET Outcome = Outcome WHERE Id = (SELECT MIN(Id) FROM StageHistory); SELECT changes()");

    [Fact]
    public async Task Dashboards_FromFreshAggregates_EqualTheLiveQueries_ForWholeMonthsEdgesAndFilters()
    {
        crm.ImportRandomFacts(seed: 1);
        Assert.True(Fresh);
        var fromFacts = await DashboardsAsync();

        TouchStageHistory();
        Assert.False(Fresh);
        var live = await DashboardsAsync();

        Assert.Equal(live, fromFacts);
    }

    [Fact]
    public async Task SecondImport_UpdatingRows_RebuildsTheAggregates_AndTheyStillEqualLive()
    {
        crm.ImportRandomFacts(seed: 1);
        var first = await DashboardsAsync();

        crm.ImportRandomFacts(seed: 2);
        Assert.True(Fresh);
        var fromFacts = await DashboardsAsync();
        TouchStageHistory();
        var live = await DashboardsAsync();

        Assert.NotEqual(first, fromFacts);
        Assert.Equal(live, fromFacts);
    }

    [Fact]
    public async Task FreshAggregates_AreWhatTheDashboardsRead_ForWholeMonthsOnly()
    {
        crm.ImportRandomFacts(seed: 3);
        var wholeMonths = new MetricFilter(Day(2026, 1, 1), Day(2026, 3, 1));
        var withEdge = wholeMonths with { To = Day(2026, 3, 15) };
        await using var before = crm.NewContext();
        var liveEdge = (await new ProcessMetrics(before).FunnelAsync(withEdge with { From = Day(2026, 3, 1) })).Stages.Sum(s => s.Entered);

        crm.Scalar("DELETE FROM MetricMonthlyFacts WHERE Kind = 'stage'; SELECT changes()");
        await using var db = crm.NewContext();
        var metrics = new ProcessMetrics(db);

        Assert.True(liveEdge > 0);
        Assert.Equal(0, (await metrics.FunnelAsync(wholeMonths)).Stages.Sum(s => s.Entered));
        Assert.Equal(liveEdge, (await metrics.FunnelAsync(withEdge)).Stages.Sum(s => s.Entered));
    }

    [Fact]
    public async Task WriteOutsideAnImport_FallsBackToLive_UntilTheNextImportRebuilds()
    {
        crm.ImportRandomFacts(seed: 4);
        var filter = new MetricFilter(Day(2026, 1, 1), Day(2026, 5, 1));
        await using var db = crm.NewContext();
        var entered = (await new ProcessMetrics(db).FunnelAsync(filter)).Stages.Sum(s => s.Entered);

        crm.Scalar("DELETE FROM StageHistory WHERE Id = (SELECT MIN(Id) FROM StageHistory); SELECT changes()");
        Assert.False(Fresh);
        await using var afterDelete = crm.NewContext();
        Assert.Equal(entered - 1, (await new ProcessMetrics(afterDelete).FunnelAsync(filter)).Stages.Sum(s => s.Entered));

        crm.Import(Core.Ingestion.ImportKind.Stages, "code,name,name_zh,position\nqualify,Lead qualification,线索确认,1\n");
        Assert.True(Fresh);
        await using var afterImport = crm.NewContext();
        Assert.Equal(entered - 1, (await new ProcessMetrics(afterImport).FunnelAsync(filter)).Stages.Sum(s => s.Entered));
    }

    [Fact]
    public void SmallImport_RebuildsOnlyTheMonthsItTouched()
    {
        crm.ImportRandomFacts(seed: 5);
        var (entry, month) = (crm.Text("SELECT ExternalId FROM StageHistory ORDER BY EnteredAt DESC LIMIT 1"),
            crm.Text("SELECT substr(MAX(EnteredAt), 1, 7) FROM StageHistory"));
        var untouched = crm.Text($"SELECT MIN(Month) FROM MetricMonthlyFacts WHERE Kind = 'stage' AND Month <> '{month}'");
        var kept = crm.Scalar($"SELECT COUNT(*) FROM MetricMonthlyFacts WHERE Kind = 'stage' AND Month = '{untouched}'");

        // Marks which rows a rebuild recreates: a rebuilt month gets its facts back, a skipped one keeps none.
        crm.Scalar($"DELETE FROM MetricMonthlyFacts WHERE Kind = 'stage' AND Month IN ('{month}', '{untouched}'); SELECT changes()");
        var row = crm.Text($"SELECT h.ExternalId || ',' || o.ExternalId || ',' || s.Code || ',' || r.ExternalId || ',' || replace(h.EnteredAt, ' ', 'T') || 'Z,,open' " +
            $"FROM StageHistory h JOIN Opportunities o ON o.Id = h.OpportunityId JOIN SalesStages s ON s.Id = h.StageId JOIN Reps r ON r.Id = h.RepId WHERE h.ExternalId = '{entry}'");
        crm.Import(Core.Ingestion.ImportKind.StageHistory, "external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n" + row + "\n");

        Assert.True(Fresh);
        Assert.Equal(0, crm.Scalar("SELECT Partial FROM MetricFactsState"));
        Assert.Equal(0, crm.Scalar("SELECT COUNT(*) FROM MetricDirtyMonths"));
        Assert.True(kept > 0);
        Assert.True(crm.Scalar($"SELECT COUNT(*) FROM MetricMonthlyFacts WHERE Kind = 'stage' AND Month = '{month}'") > 0);
        Assert.Equal(0, crm.Scalar($"SELECT COUNT(*) FROM MetricMonthlyFacts WHERE Kind = 'stage' AND Month = '{untouched}'"));
    }

    [Fact]
    public async Task UpdatesMovingRowsBetweenMonths_AndQuoteOutcomes_StillEqualLive_AfterAPartialRefresh()
    {
        crm.ImportRandomFacts(seed: 6);
        MoveFirstStageEntryToApril();
        crm.Scalar("UPDATE Opportunities SET FinalAmount = FinalAmount * 2 WHERE Id IN (SELECT OpportunityId FROM Activities WHERE Type = 'Quote') AND Outcome = 'Won'; SELECT changes()");
        Assert.Equal(1, crm.Scalar("SELECT Partial FROM MetricFactsState"));
        var live = await DashboardsAsync();

        crm.Import(Core.Ingestion.ImportKind.Stages, "code,name,name_zh,position\nqualify,Lead qualification,线索确认,1\n");

        Assert.True(Fresh);
        Assert.Equal(live, await DashboardsAsync());
    }

    [Fact]
    public async Task LargeLoadIntoAnEmptyTable_RebuildsTheMonthsItTouched_AndLeavesTheOthers()
    {
        crm.ImportRandomFacts(seed: 8);
        crm.Scalar("DELETE FROM StageHistory; SELECT changes()");
        crm.Import(Core.Ingestion.ImportKind.Stages, "code,name,name_zh,position\nqualify,Lead qualification,线索确认,1\n");
        var caseMonth = crm.Text("SELECT MIN(Month) FROM MetricMonthlyFacts WHERE Kind = 'case'");
        crm.Scalar($"DELETE FROM MetricMonthlyFacts WHERE Kind = 'case' AND Month = '{caseMonth}'; SELECT changes()");

        // Several apply batches into the now empty table, each listing the months its rows fall in.
        var history = new System.Text.StringBuilder("external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n");
        for (var i = 0; i < 6000; i++)
        {
            history.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"bulk-{i},o{1 + (i % 40)},{(i % 3 == 0 ? "discover" : "qualify")},r{1 + (i % 4)},2026-0{1 + (i % 4)}-{1 + (i % 28):D2}T09:00:00Z,,open\n");
        }

        crm.Import(Core.Ingestion.ImportKind.StageHistory, history.ToString());
        Assert.True(Fresh);
        var filter = new MetricFilter(Day(2026, 1, 1), Day(2026, 5, 1));
        await using var fromFacts = crm.NewContext();
        var stored = MetricResultsJson.Of(await new ProcessMetrics(fromFacts).FunnelAsync(filter));
        TouchStageHistory();
        await using var live = crm.NewContext();

        Assert.Equal(6000, (await new ProcessMetrics(live).FunnelAsync(filter)).Stages.Sum(s => s.Entered));
        Assert.Equal(MetricResultsJson.Of(await new ProcessMetrics(live).FunnelAsync(filter)), stored);
        Assert.Equal(0, crm.Scalar($"SELECT COUNT(*) FROM MetricMonthlyFacts WHERE Kind = 'case' AND Month = '{caseMonth}'"));
    }

    [Fact]
    public async Task UnlistedChanges_RebuildEveryKindMonthByMonth_AndEqualLive()
    {
        crm.ImportRandomFacts(seed: 9);
        var live = await DashboardsAsync();

        // As after a migration over existing data: stale, with nothing listed; and stored facts that no longer hold.
        crm.Scalar("UPDATE MetricFactsState SET Fresh = 0, Partial = 0; DELETE FROM MetricDirtyMonths; " +
            "UPDATE MetricMonthlyFacts SET Payload = x'00' WHERE Kind = 'deal'; INSERT INTO MetricMonthlyFacts (Kind, Month, GroupKey, Payload) VALUES ('case', '1999-01', 'x', x'00'); SELECT changes()");
        crm.Import(Core.Ingestion.ImportKind.Stages, "code,name,name_zh,position\nqualify,Lead qualification,线索确认,1\n");

        Assert.True(Fresh);
        Assert.Equal(0, crm.Scalar("SELECT COUNT(*) FROM MetricDirtyMonths"));
        Assert.Equal(0, crm.Scalar("SELECT COUNT(*) FROM MetricMonthlyFacts WHERE Month = '1999-01'"));
        Assert.Equal(live, await DashboardsAsync());
    }

    [Fact]
    public async Task KindListedWhole_IsRebuiltMonthByMonth()
    {
        crm.ImportRandomFacts(seed: 10);
        var live = await DashboardsAsync();
        crm.Scalar($"UPDATE MetricFactsState SET Fresh = 0, Partial = 1; DELETE FROM MetricMonthlyFacts WHERE Kind = 'stage'; " +
            $"INSERT INTO MetricDirtyMonths (Kind, Month) VALUES ('stage', '{Core.Ingestion.MetricFactsStaleness.AllMonths}'); SELECT changes()");

        crm.Import(Core.Ingestion.ImportKind.Stages, "code,name,name_zh,position\nqualify,Lead qualification,线索确认,1\n");

        Assert.True(Fresh);
        Assert.True(crm.Scalar("SELECT COUNT(DISTINCT Month) FROM MetricMonthlyFacts WHERE Kind = 'stage'") >= 4);
        Assert.Equal(live, await DashboardsAsync());
    }

    [Fact]
    public async Task CrmWriteWhileAMonthIsComputedOutsideTheLock_IsInItsStoredFacts()
    {
        crm.ImportRandomFacts(seed: 12);
        var month = crm.Text("SELECT substr(EnteredAt, 1, 7) FROM StageHistory WHERE Outcome IN ('Advanced', 'Lost') GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1");
        Assert.Equal(1, FlipOutcome(month, nth: 0));
        var turns = new WriteTurns();
        var held = await turns.TakeAsync(CancellationToken.None);
        await using var db = crm.NewContext();

        // The refresher computes the one listed month while this writer holds the lock, then waits to store it; a second
        // change to the same month lands in between.
        var refresh = new MetricFactsRefresher(turns).AfterApplyAsync(db, CancellationToken.None);
        await Eventually.TrueAsync("the refresher to wait for its turn to store", () => turns.Waiting == 1);
        Assert.Equal(1, FlipOutcome(month, nth: 1));
        held.Dispose();
        await refresh;

        Assert.True(Fresh);
        Assert.Equal(0, crm.Scalar("SELECT COUNT(*) FROM MetricDirtyMonths"));
        var fromFacts = await DashboardsAsync();
        TouchStageHistory();
        Assert.Equal(await DashboardsAsync(), fromFacts);
    }

    [Fact]
    public async Task WithNoOptimisticAttempt_ListedMonthsAreRebuiltInsideTheLock_AndEqualLive()
    {
        crm.ImportRandomFacts(seed: 13);
        MoveFirstStageEntryToApril();
        var live = await DashboardsAsync();
        await using var db = crm.NewContext();

        await new MetricFactsRefresher(new WriteTurns(), optimisticAttempts: 0).AfterApplyAsync(db, CancellationToken.None);

        Assert.True(Fresh);
        Assert.Equal(live, await DashboardsAsync());
    }

    /// <summary>Turns the <paramref name="nth"/> advanced or lost stage entry of <paramref name="month"/> the other way: lists that month only.</summary>
    private long FlipOutcome(string month, int nth) =>
        crm.Scalar("UPDATE StageHistory SET Outcome = CASE Outcome WHEN 'Lost' THEN 'Advanced' ELSE 'Lost' END WHERE Id = " +
            $"(SELECT Id FROM StageHistory WHERE substr(EnteredAt, 1, 7) = '{month}' AND Outcome IN ('Advanced', 'Lost') ORDER BY Id LIMIT 1 OFFSET {nth}); SELECT changes()");

    /// <summary>Moves the first stage entry into late April as an open entry: lists its old month and April.</summary>
    private void MoveFirstStageEntryToApril() =>
        crm.Scalar("UPDATE StageHistory SET EnteredAt = '2026-04-28 10:00:00', LeftAt = NULL, Outcome = 'Open' WHERE Id = (SELECT MIN(Id) FROM StageHistory); SELECT changes()");

    [Theory]
    [InlineData("2026-01-01", "2026-04-01", "2026-01-01/2026-04-01/stored")]
    [InlineData("2026-01-10", "2026-04-15", "2026-01-10/2026-02-01/live 2026-02-01/2026-04-01/stored 2026-04-01/2026-04-15/live")]
    [InlineData("2026-01-10", "2026-02-15", "2026-01-10/2026-02-15/live")]
    public void Segments_AreWholeMonthsStoredAndPartialEdgesLive(string from, string to, string expected)
    {
        var segments = MetricFactStore.Segments(DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(to, System.Globalization.CultureInfo.InvariantCulture))
            .Select(s => $"{s.From:yyyy-MM-dd}/{s.To:yyyy-MM-dd}/{(s.Stored ? "stored" : "live")}");

        Assert.Equal(expected, string.Join(' ', segments));
    }

    public void Dispose() => crm.Dispose();
}
