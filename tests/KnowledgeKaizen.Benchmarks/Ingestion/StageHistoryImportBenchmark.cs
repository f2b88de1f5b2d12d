using KnowledgeKaizen.Core.Ingestion;

namespace KnowledgeKaizen.Benchmarks.Ingestion;

/// <summary>
/// Imports N stage-history rows (default 1,000,000) from CSV through the real pipeline (validation,
/// reference lookups, upsert into the indexed table in one transaction) and, in the same run, loads the
/// same file with the sqlite3 shell's <c>.import</c> into a plain table with no checks and no indexes. The
/// two alternate for a number of rounds (default 5), each into a fresh database, and the medians are
/// compared: on a shared 2-core machine single runs vary by ±10 %. Peak memory is the whole process's
/// high-water mark after round 1 (runtime, EF model, the reference imports and one import); later rounds
/// would also count what the native allocator keeps from earlier ones.
/// Usage: <c>import [rows] [rounds]</c>.
/// </summary>
public sealed class StageHistoryImportBenchmark : IBenchmark
{
    private const int Opportunities = 50_000;

    public string Name => "import";

    public string Description => "stage-history CSV import (rows/s, peak MB) vs sqlite3 .import of the same file";

    public async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var folder = Path.Combine(Path.GetTempPath(), "kk-bench-import-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var files = WriteFiles(folder, rows);
            var size = new FileInfo(files.StageHistory).Length / 1024d / 1024d;
            Console.WriteLine($"{rows:N0} stage-history rows, {size:0.0} MB CSV, over {Opportunities:N0} opportunities; {rounds} rounds");

            var baseline = new List<double>();
            var pipeline = new List<double>();
            double baselineMb = 0, peakMb = 0;
            ImportReport? report = null;
            for (var round = 1; round <= rounds; round++)
            {
                var (baselineSeconds, mb) = await SqliteShellImportAsync(folder, files.StageHistory);
                var (seconds, result) = await PipelineImportAsync(folder, files);
                if (round == 1)
                {
                    peakMb = Report.PeakWorkingSetMb();
                }
                baseline.Add(baselineSeconds);
                pipeline.Add(seconds);
                baselineMb = Math.Max(baselineMb, mb);
                report = result;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}: sqlite3 {baselineSeconds:0.00} s, pipeline {seconds:0.00} s ({seconds / baselineSeconds:0.00}×)"));
            }

            var (b, p) = (Median(baseline), Median(pipeline));
            Report.Table($"Import {rows:N0} stage-history rows from CSV (median of {rounds} rounds)",
                ["loader", "time (median)", "range", "rows/s", "peak memory", "vs baseline"],
                [
                    ["sqlite3 .import (plain table, no checks)", $"{b:0.00} s", Range(baseline), (rows / b).ToString("N0", CultureInfo.InvariantCulture), $"{baselineMb:0} MB", "1.00×"],
                    ["KnowledgeKaizen ImportPipeline", $"{p:0.00} s", Range(pipeline), (rows / p).ToString("N0", CultureInfo.InvariantCulture), $"{peakMb:0} MB (whole process, round 1)", Report.Ratio(p, b)],
                ]);
            Console.WriteLine();
            Console.WriteLine(report!.Summary());
            Console.WriteLine($"Targets: time ≤ 2× baseline → {(p <= 2 * b ? "met" : "NOT met")}; peak < 300 MB → {(peakMb < 300 ? "met" : "NOT met")}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return Report.Percentile(sorted, 0.5);
    }

    internal static string Range(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{values.Min():0.00}–{values.Max():0.00} s");

    internal sealed record Files(string Stages, string Reps, string Customers, string Opportunities, string StageHistory);

    /// <summary>Streams the fixture files to disk (nothing held in memory).</summary>
    internal static Files WriteFiles(string folder, int rows)
    {
        string[] stages = ["qualify", "discover", "propose", "quote", "negotiate", "close"];
        var files = new Files(Path.Combine(folder, "stages.csv"), Path.Combine(folder, "reps.csv"), Path.Combine(folder, "customers.csv"),
            Path.Combine(folder, "opportunities.csv"), Path.Combine(folder, "stage-history.csv"));
        File.WriteAllText(files.Stages, "code,name,position\n" + string.Concat(stages.Select((s, i) => $"{s},{s},{i + 1}\n")));
        File.WriteAllText(files.Reps, "external_id,name,team,region,role\n" + string.Concat(Enumerable.Range(1, 60).Select(i => $"rep-{i},Rep {i},Team {i % 6},East,sales\n")));
        File.WriteAllText(files.Customers, "external_id,name,industry,region,created_at\n" + string.Concat(Enumerable.Range(1, 3000).Select(i => $"cus-{i},Customer {i},retail,East,2022-01-01\n")));
        using (var opp = new StreamWriter(files.Opportunities, false, new UTF8Encoding(false)))
        {
            opp.Write("external_id,customer_id,owner_id,amount,industry,source,region,created_at,outcome\n");
            for (var i = 1; i <= Opportunities; i++)
            {
                opp.Write(string.Create(CultureInfo.InvariantCulture, $"opp-{i},cus-{(i % 3000) + 1},rep-{(i % 60) + 1},{i * 10.5},retail,web,East,2023-01-01,open\n"));
            }
        }

        using var history = new StreamWriter(files.StageHistory, false, new UTF8Encoding(false), 1 << 16);
        history.Write("external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n");
        var start = new DateTime(2023, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            var entered = start.AddMinutes(i);
            var open = i % 7 == 0;
            history.Write(string.Create(CultureInfo.InvariantCulture,
                $"sh-{i:D7},opp-{(i % Opportunities) + 1},{stages[i % 6]},rep-{(i % 60) + 1},{entered:yyyy-MM-ddTHH:mm:ssZ},{(open ? "" : entered.AddDays(3).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))},{(open ? "open" : "advanced")}\n"));
        }

        return files;
    }

    /// <summary>The baseline: sqlite3 shell, CSV mode, into a fresh plain table created from the header.</summary>
    private static async Task<(double Seconds, double PeakMb)> SqliteShellImportAsync(string folder, string csv)
    {
        var db = Path.Combine(folder, "baseline.db");
        DeleteDatabase(db);
        var info = new ProcessStartInfo("/usr/bin/time", ["-f", "%e %M", "sqlite3", db, "-cmd", "PRAGMA journal_mode=WAL;", ".mode csv", $".import '{csv}' stage_history"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = stderr.Trim().Split('\n')[^1].Split(' ');
        return (double.Parse(last[0], CultureInfo.InvariantCulture), double.Parse(last[1], CultureInfo.InvariantCulture) / 1024);
    }

    private static async Task<(double Seconds, ImportReport Report)> PipelineImportAsync(string folder, Files files)
    {
        var database = Path.Combine(folder, "kaizen.db");
        SqliteConnection.ClearAllPools();
        DeleteDatabase(database);
        var options = new DbContextOptionsBuilder<KnowledgeKaizenDbContext>()
            .UseSqlite($"Data Source={database};Pooling=true", sqlite => sqlite.MigrationsAssembly(DatabaseSettings.MigrationsAssembly(DatabaseProvider.Sqlite))).Options;
        await using (var setup = new KnowledgeKaizenDbContext(options))
        {
            await setup.Database.MigrateAsync();
            await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        return await ImportAfterReferencesAsync(options, files);
    }

    /// <summary>Loads the reference files untimed, then times the pipeline on the stage-history file (either database).</summary>
    internal static async Task<(double Seconds, ImportReport Report)> ImportAfterReferencesAsync(DbContextOptions<KnowledgeKaizenDbContext> options, Files files)
    {
        foreach (var (kind, path) in new[] { (ImportKind.Stages, files.Stages), (ImportKind.Reps, files.Reps), (ImportKind.Customers, files.Customers), (ImportKind.Opportunities, files.Opportunities) })
        {
            await using var db = new KnowledgeKaizenDbContext(options);
            var prep = await new ImportPipeline(db).RunAsync(File.OpenRead(path), new ImportRequest(kind, ImportFormat.Csv));
            if (!prep.Applied)
            {
                throw new InvalidOperationException(prep.Summary() + " " + prep.Problems.FirstOrDefault());
            }
        }

        await using var context = new KnowledgeKaizenDbContext(options);
        var clock = Stopwatch.StartNew();
        var report = await new ImportPipeline(context).RunAsync(File.OpenRead(files.StageHistory), new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv));
        return (clock.Elapsed.TotalSeconds, report);
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
