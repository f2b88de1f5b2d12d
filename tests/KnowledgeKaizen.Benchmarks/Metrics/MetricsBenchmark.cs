using System.Diagnostics;
using System.Globalization;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Insights.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Benchmarks.Metrics;

/// <summary>
/// Each Insights dashboard's service call (everything its page model awaits before rendering) on a
/// benchmark-sized CRM, warm, p50/p95 — next to one hand-written SQL query per dashboard computing its core
/// numbers (medians with SQLite window functions) as the baseline.
/// Usage: metrics [--stage-rows 1000000] [--cases 200000] [--feedback 100000] [--runs 30] [--db path] [--reuse]
/// </summary>
public sealed class MetricsBenchmark : IBenchmark
{
    public string Name => "metrics";

    public string Description => "Insights dashboards on 1M stage-history rows and 200k cases vs hand-written SQL";

    private static readonly MetricFilter LastYear = new(new DateTime(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc), MetricsDataBuilder.End);

    public async Task RunAsync(string[] args)
    {
        var stageRows = Option(args, "--stage-rows", 1_000_000);
        var cases = (int)Option(args, "--cases", 200_000);
        var feedback = (int)Option(args, "--feedback", 100_000);
        var runs = (int)Option(args, "--runs", 30);
        var path = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "kk-metrics-bench.db");
        var connectionString = $"Data Source={path};Pooling=True";
        var options = new DbContextOptionsBuilder<KnowledgeKaizenDbContext>().UseSqlite(connectionString).Options;

        if (!args.Contains("--reuse") || !File.Exists(path))
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            var clock = Stopwatch.StartNew();
            await using (var db = new KnowledgeKaizenDbContext(options))
            {
                await db.Database.MigrateAsync();
            }

            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var (opportunities, activities) = MetricsDataBuilder.Fill(connection, stageRows, cases, feedback);
            await using (var analyze = connection.CreateCommand())
            {
                analyze.CommandText = "ANALYZE";
                await analyze.ExecuteNonQueryAsync();
            }

            Console.WriteLine($"Built {path}: {stageRows:N0} stage rows, {opportunities:N0} opportunities, {activities:N0} activities, {cases:N0} cases, {feedback:N0} feedback in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        var viewer = new MetricViewer(true, null);
        const long rep = 7;
        Console.WriteLine($"Filter: {LastYear.From:yyyy-MM-dd} … {LastYear.To:yyyy-MM-dd} (12 of 24 months), {runs} warm runs after 3 warm-ups, one DbContext per run (as per request).");
        var dashboards = new (string Name, Func<ProcessMetrics, Task> Candidate, string Baseline)[]
        {
            ("Overview (KPIs + previous period + funnel)", m => m.OverviewAsync(LastYear), BaselineSql.Funnel),
            ("Reps heatmap", m => m.RepStageMatrixAsync(viewer, LastYear), BaselineSql.Heatmap),
            ("Rep page", m => m.RepReportAsync(viewer, rep, LastYear), BaselineSql.RepPage),
            ("Service", m => m.ServiceAsync(LastYear), BaselineSql.Service),
            ("Feedback and complaints", m => m.FeedbackAsync(LastYear), BaselineSql.Feedback),
        };

        var table = new List<IReadOnlyList<string>>();
        foreach (var (name, candidate, baseline) in dashboards)
        {
            var c = await TimeAsync(runs, async () =>
            {
                await using var db = new KnowledgeKaizenDbContext(options);
                await candidate(new ProcessMetrics(db));
            });
            var b = await TimeAsync(runs, () => BaselineSql.RunAsync(connectionString, baseline, LastYear, rep));
            table.Add([name, Report.Ms(c.P50), Report.Ms(c.P95), Report.Ms(b.P50), Report.Ms(b.P95), Report.Ratio(c.P95, b.P95)]);
        }

        Report.Table($"Insights dashboards, {stageRows:N0} stage rows / {cases:N0} cases (service call, warm)",
            ["dashboard", "p50", "p95", "baseline SQL p50", "baseline SQL p95", "p95 ratio"], table);
        Console.WriteLine($"Peak working set: {Report.PeakWorkingSetMb():0} MB");
    }

    private static async Task<(double P50, double P95)> TimeAsync(int runs, Func<Task> run)
    {
        for (var i = 0; i < 3; i++)
        {
            await run();
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (Report.Percentile(times, 0.5), Report.Percentile(times, 0.95));
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var value = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return value is null ? fallback : long.Parse(value, CultureInfo.InvariantCulture);
    }
}
