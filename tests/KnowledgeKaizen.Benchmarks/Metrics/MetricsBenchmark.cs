using System.Data.Common;
using KnowledgeKaizen.Benchmarks.Http;
using KnowledgeKaizen.Insights.Metrics;
using Npgsql;

namespace KnowledgeKaizen.Benchmarks.Metrics;

/// <summary>
/// Each Insights dashboard PAGE rendered by the real portal (child process, Kestrel, signed in as Admin), p50/p95 of
/// full HTTP GETs warm (from the result cache), right after a write (a new data version before each GET), and for one
/// team after a write once the company overview was read at the new version (what the warmer does) — next to
/// one hand-written SQL query per dashboard computing its core numbers (medians with SQLite window functions) as the
/// baseline. Two filters: 12 whole months (served from the monthly pre-aggregates) and the default "last 12 months up
/// to today" (partial edge months read live). Then each page's requests/s under wrk with the demo data (--skip-load
/// leaves it out). The data builder takes any size; --stage-rows 1000000,10000000 times the 1 M and the 10 M set one after
/// the other in one run (each in a folder of its own, cases and feedback growing with it). --postgres then moves the
/// data set into a fresh PostgreSQL database on <c>KK_TEST_POSTGRES</c> with migrate-data's copier and times the pages
/// of a portal on it, beside the SQLite figures of the same run (the baseline SQL is SQLite's, so it is left out there).
/// Usage: metrics [--stage-rows 1000000[,10000000…]] [--cases rows/5] [--feedback rows/10] [--runs 30] [--baseline-runs N] [--data folder]
/// [--web KnowledgeKaizen.Web.dll] [--reuse] [--skip-load] [--load-rounds 3] [--load-seconds 10] [--postgres]
/// (--baseline-runs 0 leaves the baseline out)
/// (build the portal first: dotnet build -c Release src/KnowledgeKaizen.Web)
/// </summary>
public sealed class MetricsBenchmark : IBenchmark
{
    public string Name => "metrics";

    public string Description => "Insights dashboard pages on 1M stage-history rows and 200k cases vs hand-written SQL";

    private static readonly MetricFilter LastYear = new(new DateTime(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc), MetricsDataBuilder.End);

    public async Task RunAsync(string[] args)
    {
        // Several sizes ("--stage-rows 1000000,10000000") run one after another in this run, each on a data set of its own.
        var sizes = (BenchOptions.Text(args, "--stage-rows") ?? "1000000").Split(',')
            .Select(size => long.Parse(size.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        var runs = (int)Option(args, "--runs", 30);
        // The baseline's window-function medians take seconds each on the full database, so it may run fewer times.
        var baselineRuns = (int)Option(args, "--baseline-runs", runs);
        var data = BenchOptions.Text(args, "--data") ?? Path.Combine(Path.GetTempPath(), "kk-metrics-bench");
        var web = BenchOptions.Text(args, "--web") ?? Path.Combine(RepositoryRoot(), "src", "KnowledgeKaizen.Web", "bin", "Release", "net10.0", "KnowledgeKaizen.Web.dll");
        foreach (var stageRows in sizes)
        {
            // Cases and feedback grow with the stage history (200,000 and 100,000 at 1 M) unless given.
            var cases = (int)Option(args, "--cases", stageRows / 5);
            var feedback = (int)Option(args, "--feedback", stageRows / 10);
            var folder = sizes.Count == 1 ? data : $"{data}-{stageRows}";
            await DataSetAsync(args, folder, web, stageRows, cases, feedback, runs, baselineRuns);
        }

        if (!args.Contains("--skip-load"))
        {
            await LoadAsync(web, (int)Option(args, "--load-rounds", 3), (int)Option(args, "--load-seconds", 10));
        }
    }

    /// <summary>Builds (or with --reuse finds) the data set of one size in <paramref name="folder"/> and times the pages on it.</summary>
    private static async Task DataSetAsync(string[] args, string folder, string web, long stageRows, int cases, int feedback, int runs, int baselineRuns)
    {
        var path = Path.Combine(folder, "knowledgekaizen.db");
        var connectionString = $"Data Source={path};Pooling=True";
        var options = new DbContextOptionsBuilder<KnowledgeKaizenDbContext>()
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(DatabaseSettings.MigrationsAssembly(DatabaseProvider.Sqlite))).Options;

        if (!args.Contains("--reuse") || !File.Exists(path))
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
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
            clock.Restart();
            await using (var transaction = connection.BeginTransaction())
            {
                await MetricFactsRefresher.RebuildIfStaleAsync(connection, transaction, SqliteDialect.Instance);
                await transaction.CommitAsync();
            }

            Console.WriteLine($"Monthly aggregates rebuilt in full (what a bulk load adds to its transaction; smaller imports rebuild only the months they touch) in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        SqliteConnection.ClearAllPools();
        await using (var portal = await BenchmarkPortal.StartAsync(web, folder))
        await using (var writer = new SqliteConnection(connectionString))
        {
            await writer.OpenAsync();
            await PagesAsync(portal, writer, """UPDATE "MetricFactsState" SET "Version" = random() WHERE "Id" = 1""",
                baselineRuns > 0 ? connectionString : null, stageRows, cases, runs, baselineRuns);
        }

        // Then the same data set on PostgreSQL, so that both engines are side by side in one run.
        if (args.Contains("--postgres"))
        {
            SqliteConnection.ClearAllPools();
            await PostgreSqlPagesAsync(web, options, stageRows, cases, runs);
        }
    }

    /// <summary>
    /// Each page warm (served from the result cache) and right after a write (each GET preceded by a new data version,
    /// as an import commits one: the cache misses and the page is computed from the aggregates and the live edge months),
    /// next to its baseline query, for both filters. A write is <paramref name="bump"/> run on <paramref name="writer"/>; the
    /// baseline SQL runs on the SQLite database <paramref name="baselineConnection"/> (null leaves it out).
    /// </summary>
    private static async Task PagesAsync(BenchmarkPortal portal, DbConnection writer, string bump, string? baselineConnection, long stageRows, int cases,
        int runs, int baselineRuns)
    {
        const long rep = 7;
        const string Team = "North Sales";
        var today = MetricFilter.Default(DateTime.UtcNow);
        async Task WriteAsync()
        {
            await using var command = writer.CreateCommand();
            command.CommandText = bump;
            await command.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"{runs} warm runs after 3 warm-ups per page, half as many after a write ({baselineRuns} per baseline query after one warm-up); Admin; portal = Release build, separate process; load: {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var (label, filter, query) in new[]
        {
            ("12 whole months 2025-11-01 … 2026-10-31", LastYear, "?from=2025-11-01&to=2026-10-31"),
            ($"default filter (last 12 months up to today: {today.From:yyyy-MM-dd} … {today.To.AddDays(-1):yyyy-MM-dd})", today, string.Empty),
        })
        {
            var dashboards = new (string Name, string Url, string Baseline)[]
            {
                ("Overview (KPIs + previous period + funnel)", "/Insights" + query, BaselineSql.Funnel),
                ("Reps heatmap", "/Insights/Reps" + query, BaselineSql.Heatmap),
                ("Rep page", $"/Insights/Reps/{rep}" + query, BaselineSql.RepPage),
                ("Service", "/Insights/Service" + query, BaselineSql.Service),
                ("Feedback and complaints", "/Insights/Feedback" + query, BaselineSql.Feedback),
            };
            // A manager narrowing the period's view to one team after a write, once the company overview (what the warmer
            // computes) was read at the new version: the page is computed again, its partial edge months shared.
            async Task WriteAndReadOverviewAsync()
            {
                await WriteAsync();
                await portal.GetAsync("/Insights" + query);
            }

            var teamQuery = (query.Length == 0 ? "?" : query + "&") + "team=" + Uri.EscapeDataString(Team);
            var table = new List<IReadOnlyList<string>>();
            foreach (var (name, url, baseline) in dashboards)
            {
                var c = await TimeAsync(runs, () => portal.GetAsync(url));
                var w = await TimeAsync(Math.Max(5, runs / 2), () => portal.GetAsync(url), before: WriteAsync);
                var t = await TimeAsync(Math.Max(5, runs / 2), () => portal.GetAsync(url.Split('?')[0] + teamQuery), before: WriteAndReadOverviewAsync);
                string[] baselineCells = ["—", "—"];
                if (baselineConnection is not null)
                {
                    var b = await TimeAsync(baselineRuns, () => BaselineSql.RunAsync(baselineConnection, baseline, filter, rep), warmups: 1);
                    baselineCells = [Report.Ms(b.P95), Report.Ratio(c.P95, b.P95)];
                }

                table.Add([name, Report.Ms(c.P50), Report.Ms(c.P95), Report.Ms(w.P50), Report.Ms(w.P95), Report.Ms(t.P50), Report.Ms(t.P95), .. baselineCells]);
            }

            Report.Table($"Insights pages on {(writer is SqliteConnection ? "SQLite" : "PostgreSQL")}, {stageRows:N0} stage rows / {cases:N0} cases, {label} (server-side page render)",
                ["dashboard", "page p50", "page p95", "after a write p50", "after a write p95", $"{Team}, after a write and the overview p50", "… p95",
                    "baseline SQL p95", "p95 ratio"], table);
            Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        }
    }

    /// <summary>
    /// The same data set moved into a fresh PostgreSQL database by migrate-data's copier, its aggregates rebuilt (as the
    /// portal's first start would) and analysed, then the pages of a portal on it.
    /// </summary>
    private static async Task PostgreSqlPagesAsync(string web, DbContextOptions<KnowledgeKaizenDbContext> sqlite, long stageRows, int cases, int runs)
    {
        using var database = await TestPostgres.CreateDatabaseAsync("bench_metrics", migrated: false);
        var connectionString = DatabaseSettings.PostgreSqlConnectionString(database.ConnectionString);
        var clock = Stopwatch.StartNew();
        await using (var source = new KnowledgeKaizenDbContext(sqlite))
        await using (var target = TestPostgres.NewContext(connectionString))
        {
            var copy = await DatabaseCopier.CopyAsync(source, target);
            Console.WriteLine($"Moved to PostgreSQL by migrate-data's copier: {copy.Rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s ({(copy.Verified ? "counts verified" : "COUNTS DIFFER")})");
        }

        SqliteConnection.ClearAllPools();
        await using var writer = new NpgsqlConnection(connectionString);
        await writer.OpenAsync();
        clock.Restart();
        await using (var transaction = await writer.BeginTransactionAsync())
        {
            await MetricFactsRefresher.RebuildIfStaleAsync(writer, transaction, PostgreSqlDialect.Instance);
            await transaction.CommitAsync();
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE", writer))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"Monthly aggregates rebuilt in full on PostgreSQL, then ANALYZE: {clock.Elapsed.TotalSeconds:0.0} s");
        using var files = new TempFolder("metrics-pg");
        await using var portal = await BenchmarkPortal.StartAsync(web, files.Path, settings: new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.PostgreSql),
            [DatabaseSettings.ConnectionStringKey] = connectionString,
        });
        await PagesAsync(portal, writer, """UPDATE "MetricFactsState" SET "Version" = floor(random() * 9007199254740991)::bigint WHERE "Id" = 1""", null,
            stageRows, cases, runs, 0);
    }

    /// <summary>
    /// Requests/s of every Insights page (default filter) under wrk with the demo data, next to a static file measured
    /// in the same rounds (what the machine serves at that moment).
    /// </summary>
    private static async Task LoadAsync(string web, int rounds, int seconds)
    {
        using var data = new TempFolder("metrics-http");
        await using var portal = await BenchmarkPortal.StartAsync(web, data.Path, demoData: true, contentRoot: Path.Combine(RepoPaths.Root, "src", "KnowledgeKaizen.Web"));
        await WrkLoad.QuietAsync(data.Path);
        long rep;
        await using (var db = new KnowledgeKaizenDbContext(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>()
            .UseSqlite($"Data Source={Path.Combine(data.Path, "knowledgekaizen.db")}").Options))
        {
            rep = await db.Reps.Where(r => r.Role == KnowledgeKaizen.Core.Crm.RepRole.Sales).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        }

        var targets = new (string Name, string Path)[]
        {
            ("static file", "/css/site.css"),
            ("Overview", "/Insights"),
            ("Reps heatmap", "/Insights/Reps"),
            ("Rep page", $"/Insights/Reps/{rep}"),
            ("Service", "/Insights/Service"),
            ("Feedback and complaints", "/Insights/Feedback"),
        };
        await WrkLoad.RoundsAsync(portal, targets, rounds, seconds, "Insights pages, demo data, default filter");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeKaizen.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static async Task<(double P50, double P95)> TimeAsync(int runs, Func<Task> run, Func<Task>? before = null, int warmups = 3)
    {
        for (var i = 0; i < warmups; i++)
        {
            await run();
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            if (before is not null)
            {
                await before();
            }

            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (Report.Percentile(times, 0.5), Report.Percentile(times, 0.95));
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var value = BenchOptions.Text(args, name);
        return value is null ? fallback : long.Parse(value, CultureInfo.InvariantCulture);
    }
}
