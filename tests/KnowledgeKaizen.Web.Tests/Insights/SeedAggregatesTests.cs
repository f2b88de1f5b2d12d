using System.Text.Json.Serialization;

namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>
/// On the demo data loaded through the app's import pipeline, the pre-aggregates the imports built give the
/// same dashboards as the live queries (the reference: the same figures after a write marks them stale).
/// </summary>
public sealed class SeedAggregatesTests(UntrainedDemoDataPortalFactory factory) : IClassFixture<UntrainedDemoDataPortalFactory>
{
    private static readonly MetricViewer Manager = new(true, null);
    private static readonly JsonSerializerOptions Json = new() { Converters = { new Rounded() } };

    private static DateTime Day(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);

    private async Task<List<string>> DashboardsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var rep = await db.Reps.Where(r => r.ExternalId == "REP-007").Select(r => r.Id).SingleAsync();
        var team = await db.Reps.Where(r => r.Id == rep).Select(r => r.Team).SingleAsync();
        var results = new List<string>();
        foreach (var filter in new MetricFilter[]
        {
            MetricFilter.Default(new DateTime(2026, 10, 17, 9, 0, 0, DateTimeKind.Utc)),
            new(Day(2025, 1, 1), Day(2026, 7, 1)),
            new(Day(2025, 6, 1), Day(2025, 12, 1), Team: team, Stage: "quote"),
            new(Day(2025, 3, 9), Day(2026, 2, 1), RepId: rep),
        })
        {
            var metrics = new ProcessMetrics(db);
            results.Add(JsonSerializer.Serialize(await metrics.OverviewAsync(filter), Json));
            results.Add(JsonSerializer.Serialize(await metrics.RepStageMatrixAsync(Manager, filter), Json));
            results.Add(JsonSerializer.Serialize(await metrics.RepReportAsync(Manager, rep, filter), Json));
            results.Add(JsonSerializer.Serialize(await metrics.ServiceAsync(filter), Json));
        }

        return results;
    }

    private async Task<long> ExecuteAsync(string sql)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        return (await db.Database.SqlQueryRaw<long>(sql).ToListAsync()).Single();
    }

    [Fact]
    public async Task AggregatesBuiltByTheDemoImports_GiveTheLiveQueriesFigures()
    {
        Assert.Equal(1, await ExecuteAsync("SELECT Fresh AS Value FROM MetricFactsState"));
        Assert.True(await ExecuteAsync("SELECT COUNT(*) AS Value FROM MetricMonthlyFacts") > 0);
        var fromFacts = await DashboardsAsync();

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().Database.ExecuteSqlRawAsync("UPDATE Opportunities SET Amount = Amount WHERE Id = 1");
        }

        Assert.Equal(0, await ExecuteAsync("SELECT Fresh AS Value FROM MetricFactsState"));
        var live = await DashboardsAsync();

        Assert.Equal(live, fromFacts);
    }

    /// <summary>Doubles to 10 significant digits: sums added in another order may differ in the last bits only.</summary>
    private sealed class Rounded : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("G10", CultureInfo.InvariantCulture));
    }
}
