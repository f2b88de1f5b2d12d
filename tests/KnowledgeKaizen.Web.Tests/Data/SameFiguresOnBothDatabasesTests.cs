using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Insights.Improvement;
using KnowledgeKaizen.Insights.PerformerDetection.Retraining;

namespace KnowledgeKaizen.Web.Tests.Data;

/// <summary>
/// The same demo files, imported by the app's own loader into SQLite and into PostgreSQL, give the same rows and the same
/// numbers: every dashboard (from the monthly aggregates and live), the performer-detection data source and every
/// improvement metric.
/// </summary>
[Collection(BothDatabases.Name)]
public sealed class SameFiguresOnBothDatabasesTests(BothDatabases databases)
{
    private static readonly MetricViewer Manager = new(true, null);

    private static DateTime Day(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Imports_StoreTheSameRows()
    {
        static Task<long[]> CountsAsync(PortalFactory portal) => portal.WithDbAsync(async db => new[]
        {
            await db.SalesStages.LongCountAsync(), await db.Reps.LongCountAsync(), await db.Customers.LongCountAsync(),
            await db.Opportunities.LongCountAsync(), await db.StageHistory.LongCountAsync(), await db.Activities.LongCountAsync(),
            await db.ServiceCases.LongCountAsync(), await db.Feedback.LongCountAsync(), await db.KnowledgeDocuments.LongCountAsync(),
        });

        var sqlite = await CountsAsync(databases.Sqlite);

        Assert.True(sqlite[4] > 10_000, "the demo stage history did not load");
        Assert.Equal(sqlite, await CountsAsync(databases.PostgreSql));
    }

    [Fact]
    public async Task EveryDashboard_ShowsTheSameFigures_FromTheAggregates_AndLive()
    {
        var fromAggregates = await DashboardsAsync(databases.PostgreSql);
        SameFigures.Assert(await DashboardsAsync(databases.Sqlite), fromAggregates, "dashboards");

        // A write outside an import marks the aggregates stale (the PL/pgSQL trigger): the live queries take over.
        await databases.PostgreSql.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "Opportunities" SET "Amount" = "Amount" WHERE "Id" = 1"""));
        Assert.Equal(0L, await databases.PostgreSql.WithDbAsync(async db =>
            await db.Database.SqlQueryRaw<long>("""SELECT "Fresh"::bigint AS "Value" FROM "MetricFactsState" """).SingleAsync()));
        SameFigures.Assert(fromAggregates, await DashboardsAsync(databases.PostgreSql), "dashboards, live");
    }

    [Fact]
    public async Task PerformerDetection_ReadsTheSameObservations()
    {
        static async Task<List<KnowledgeKaizen.Insights.PerformerDetection.StageOutcomeObservation>> LoadAsync(PortalFactory portal, DateTime? from, DateTime? to)
        {
            using var scope = portal.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<StageOutcomeSource>().LoadAsync(from, to);
        }

        var all = await LoadAsync(databases.Sqlite, null, null);

        Assert.True(all.Count > 10_000, "the demo data has no closed stage entries");
        SameFigures.Assert(all, await LoadAsync(databases.PostgreSql, null, null), "observations");
        SameFigures.Assert(await LoadAsync(databases.Sqlite, Day(2025, 3, 1), Day(2025, 9, 1)),
            await LoadAsync(databases.PostgreSql, Day(2025, 3, 1), Day(2025, 9, 1)), "observations in a period");
    }

    [Fact]
    public async Task EveryImprovementMetric_ObservesTheSameValues()
    {
        var salesTeam = await databases.Sqlite.WithDbAsync(db => db.Reps.OrderBy(r => r.Id).Select(r => r.Team).FirstAsync());
        foreach (var metric in MetricCatalogue.Default.Metrics)
        {
            var company = new TargetMetric(metric.Key, "quote", null);
            var sqlite = await ObserveAsync(databases.Sqlite, metric, company);
            Assert.True(sqlite.Count > 0, $"{metric.Key} observed nothing on the demo data");
            SameFigures.Assert(sqlite, await ObserveAsync(databases.PostgreSql, metric, company), $"{metric.Key} {company}");

            // A sales team: service metrics observe nothing for it, on both.
            var team = new TargetMetric(metric.Key, "discover", salesTeam);
            SameFigures.Assert(await ObserveAsync(databases.Sqlite, metric, team), await ObserveAsync(databases.PostgreSql, metric, team), $"{metric.Key} {team}");
        }
    }

    /// <summary>The observations in one order (the queries leave it to the database) with their instants as UTC.</summary>
    private static async Task<List<Observation>> ObserveAsync(PortalFactory portal, CatalogueMetric metric, TargetMetric target)
    {
        using var scope = portal.Services.CreateScope();
        var observations = await scope.ServiceProvider.GetRequiredService<CycleMetrics>().ObserveAsync(metric, target, Day(2025, 1, 1), Day(2026, 7, 1));
        return [.. observations.Select(o => o with { At = DateTime.SpecifyKind(o.At, DateTimeKind.Utc) })
            .OrderBy(o => o.At).ThenBy(o => o.RepId).ThenBy(o => o.Value)];
    }

    private static async Task<List<object?>> DashboardsAsync(PortalFactory portal)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var rep = await db.Reps.Where(r => r.ExternalId == "REP-007").Select(r => r.Id).SingleAsync();
        var team = await db.Reps.Where(r => r.Id == rep).Select(r => r.Team).SingleAsync();
        var results = new List<object?>();
        foreach (var filter in new MetricFilter[]
        {
            MetricFilter.Default(new DateTime(2026, 10, 17, 9, 0, 0, DateTimeKind.Utc)),
            new(Day(2025, 1, 1), Day(2026, 7, 1)),
            new(Day(2025, 6, 1), Day(2025, 12, 1), Team: team, Stage: "quote"),
            new(Day(2025, 3, 9), Day(2026, 2, 1), RepId: rep),
            new(Day(2025, 1, 1), Day(2026, 1, 1), Industry: "finance"),
        })
        {
            var metrics = new ProcessMetrics(db);
            results.Add(await metrics.OverviewAsync(filter));
            results.Add(await metrics.RepStageMatrixAsync(Manager, filter));
            results.Add(await metrics.RepReportAsync(Manager, rep, filter));
            results.Add(await metrics.ServiceAsync(filter));
            results.Add(await metrics.FeedbackAsync(filter));
            results.Add(await metrics.FilterOptionsAsync(Manager));
        }

        return results;
    }
}
