using Npgsql;

namespace KnowledgeKaizen.Benchmarks.Ingestion;

/// <summary>
/// The PostgreSQL side of the import figures, in one run: N stage-history rows (default 1,000,000) through the real
/// pipeline into PostgreSQL (binary COPY into staging, one set-based merge, the statement-level staleness triggers,
/// one transaction) against <c>psql \copy</c> of the same file into a plain table, with the SQLite pipeline on the same
/// file beside them; then <c>migrate-data</c>'s copier moves the SQLite database (1 M stage rows and the rest) into an
/// empty PostgreSQL database. Rounds alternate on fresh databases; medians are compared. Needs <c>KK_TEST_POSTGRES</c>
/// (a server where it may create databases) and psql in <c>KK_PG_BIN</c>.
/// Usage: <c>postgres [rows] [rounds]</c>.
/// </summary>
public sealed class PostgreSqlImportBenchmark : IBenchmark
{
    public string Name => "postgres";

    public string Description => "stage-history import into PostgreSQL vs psql \\copy, SQLite pipeline beside it, migrate-data rows/s";

    public async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var folder = Path.Combine(Path.GetTempPath(), "kk-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var files = StageHistoryImportBenchmark.WriteFiles(folder, rows);
            Console.WriteLine($"{rows:N0} stage-history rows, {new FileInfo(files.StageHistory).Length / 1048576d:0.0} MB CSV; {rounds} rounds; load: {BenchOptions.LoadAverage()}");
            var (copy, postgres, sqlite) = (new List<double>(), new List<double>(), new List<double>());
            double peakMb = 0;
            for (var round = 1; round <= rounds; round++)
            {
                copy.Add(await PsqlCopyAsync(files.StageHistory));
                postgres.Add(await PipelineAsync(files, postgres: true, folder));
                if (round == 1)
                {
                    peakMb = Report.PeakWorkingSetMb();
                }

                sqlite.Add(await PipelineAsync(files, postgres: false, folder));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round}: psql \\copy {copy[^1]:0.00} s, PostgreSQL pipeline {postgres[^1]:0.00} s ({postgres[^1] / copy[^1]:0.00}×), SQLite pipeline {sqlite[^1]:0.00} s"));
            }

            var (c, p, s) = (StageHistoryImportBenchmark.Median(copy), StageHistoryImportBenchmark.Median(postgres), StageHistoryImportBenchmark.Median(sqlite));
            Report.Table($"Import {rows:N0} stage-history rows from CSV (median of {rounds} rounds)",
                ["loader", "time (median)", "range", "rows/s", "vs psql \\copy"],
                [
                    ["psql \\copy (plain table, no checks)", $"{c:0.00} s", StageHistoryImportBenchmark.Range(copy), (rows / c).ToString("N0", CultureInfo.InvariantCulture), "1.00×"],
                    ["ImportPipeline on PostgreSQL", $"{p:0.00} s", StageHistoryImportBenchmark.Range(postgres), (rows / p).ToString("N0", CultureInfo.InvariantCulture), Report.Ratio(p, c)],
                    ["ImportPipeline on SQLite (same file)", $"{s:0.00} s", StageHistoryImportBenchmark.Range(sqlite), (rows / s).ToString("N0", CultureInfo.InvariantCulture), Report.Ratio(s, c)],
                ]);
            Console.WriteLine($"Peak memory (whole process, round 1, after the PostgreSQL import): {peakMb:0} MB");
            Console.WriteLine($"Targets: PostgreSQL ≤ 2× psql \\copy → {(p <= 2 * c ? "met" : "NOT met")}; peak ≤ 300 MB → {(peakMb <= 300 ? "met" : "NOT met")}");

            await MigrateDataAsync(Path.Combine(folder, "kaizen.db"));
            Console.WriteLine($"load after: {BenchOptions.LoadAverage()}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> PsqlCopyAsync(string csv)
    {
        using var database = await TestPostgres.CreateDatabaseAsync("bench_copy", migrated: false);
        await database.ScalarAsync("CREATE TABLE stage_history (external_id text, opportunity_id text, stage text, rep_id text, entered_at text, left_at text, outcome text)");
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var clock = Stopwatch.StartNew();
        await ExternalProgram.RunAsync(Path.Combine(TestPostgres.BinFolder, "psql"),
            [$"postgresql://{server.Username}@{server.Host}:{server.Port}/{server.Database}", "-v", "ON_ERROR_STOP=1", "-c",
             $"\\copy stage_history FROM '{csv}' WITH (FORMAT csv, HEADER true)"]);
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> PipelineAsync(StageHistoryImportBenchmark.Files files, bool postgres, string folder)
    {
        TestPostgresDatabase? database = null;
        DbContextOptions<KnowledgeKaizenDbContext> options;
        if (postgres)
        {
            database = await TestPostgres.CreateDatabaseAsync("bench_import");
            options = (DbContextOptions<KnowledgeKaizenDbContext>)DatabaseSettings.UsePostgreSql(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>(), database.ConnectionString).Options;
        }
        else
        {
            var file = Path.Combine(folder, "kaizen.db");
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }

            options = (DbContextOptions<KnowledgeKaizenDbContext>)new DatabaseSettings(DatabaseProvider.Sqlite, DatabaseSettings.SqliteConnectionString(file))
                .Apply(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>()).Options;
            await using var setup = new KnowledgeKaizenDbContext(options);
            await setup.Database.MigrateAsync();
            await setup.Database.ExecuteSqlRawAsync(SqliteDialect.Instance.AfterMigration!);
        }

        try
        {
            var (seconds, report) = await StageHistoryImportBenchmark.ImportAfterReferencesAsync(options, files);
            return report.Applied ? seconds : throw new InvalidOperationException(report.Summary());
        }
        finally
        {
            database?.Dispose();
        }
    }

    private static async Task MigrateDataAsync(string sqliteFile)
    {
        using var target = await TestPostgres.CreateDatabaseAsync("bench_moved", migrated: false);
        await using var source = new KnowledgeKaizenDbContext((DbContextOptions<KnowledgeKaizenDbContext>)new DatabaseSettings(DatabaseProvider.Sqlite,
            DatabaseSettings.SqliteConnectionString(sqliteFile)).Apply(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>()).Options);
        await using var destination = target.NewContext();
        var report = await DatabaseCopier.CopyAsync(source, destination);
        var seconds = report.Elapsed.TotalSeconds;
        Report.Table("migrate-data: the SQLite database of the last round into an empty PostgreSQL database",
            ["rows", "tables", "time (schema, copy, counts)", "rows/s", "verified"],
            [[report.Rows.ToString("N0", CultureInfo.InvariantCulture), report.Tables.Count.ToString(CultureInfo.InvariantCulture),
              $"{seconds:0.0} s", (report.Rows / seconds).ToString("N0", CultureInfo.InvariantCulture), report.Verified ? "every table's count matches" : "COUNTS DIFFER"]]);
    }
}
