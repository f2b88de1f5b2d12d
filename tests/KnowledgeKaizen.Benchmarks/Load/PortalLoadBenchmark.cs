using KnowledgeKaizen.Core.Knowledge;

namespace KnowledgeKaizen.Benchmarks.Load;

/// <summary>
/// The real portal (Release build, separate process, demo data) under N connections of mixed reads and writes for a
/// fixed time while stage-history imports run one after the other, then the same mix without an import as the baseline
/// of the same run. Reports per request kind p50/p99/max, requests/s and errors; afterwards checks in the database that
/// every acknowledged write (feedback post, document save) is there.
/// Usage: load [--seconds 60] [--connections 32] [--baseline-seconds 30] [--import-rows 300000] [--data folder] [--web KnowledgeKaizen.Web.dll]
/// (build the portal first: dotnet build -c Release src/KnowledgeKaizen.Web)
/// </summary>
public sealed partial class PortalLoadBenchmark : IBenchmark
{
    private const string AdminEmail = "admin@load.test";
    private const string AdminPassword = "Load-Admin-2026";

    public string Name => "load";

    public string Description => "N connections of search, pages, dashboards, feedback posts and document saves while imports run: errors, lost writes, p50/p99, requests/s";

    public async Task RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 60);
        var connections = Option(args, "--connections", 32);
        var baselineSeconds = Option(args, "--baseline-seconds", 30);
        var importRows = Option(args, "--import-rows", 300_000);
        var folder = BenchOptions.Text(args, "--data") ?? Path.Combine(Path.GetTempPath(), "kk-load-bench");
        var web = BenchOptions.Text(args, "--web") ?? Path.Combine(RepoPaths.Root, "src", "KnowledgeKaizen.Web", "bin", "Release", "net10.0", "KnowledgeKaizen.Web.dll");
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "data");
        var files = (ImportLoop.WriteFile(folder, importRows, 0), ImportLoop.WriteFile(folder, importRows, 24));
        Console.WriteLine($"Import files: 2 × {importRows:N0} stage-history rows ({new FileInfo(files.Item1).Length / 1024d / 1024d:0.0} MB each)");

        var clock = Stopwatch.StartNew();
        await using var portal = await PortalProcess.ServeAsync(web, data, new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:LoadDemoData"] = "true",
            ["KnowledgeKaizen:SeedPath"] = RepoPaths.SeedData,
            ["KnowledgeKaizen:ContentPath"] = RepoPaths.Content,
            ["KnowledgeKaizen:AdminEmail"] = AdminEmail,
            ["KK_ADMIN_PASSWORD"] = AdminPassword,
            ["KnowledgeKaizen:Backups:DailyAt"] = string.Empty,
            ["Insights:ExpectedOutcome:Trainers:0"] = "LightGbm",
            ["Insights:ExpectedOutcome:FoldCount"] = "3",
            ["Insights:ExpectedOutcome:NumberOfTrees"] = "60",
            ["Insights:SchedulerPollInterval"] = "01:00:00",
            // One token and one address make every request here: the limits meant for one caller would measure themselves.
            ["KnowledgeKaizen:RateLimits:Frontline:PerUser"] = "0",
            ["KnowledgeKaizen:RateLimits:Frontline:PerAddress"] = "0",
            ["KnowledgeKaizen:RateLimits:Import:PerUser"] = "0",
            ["KnowledgeKaizen:RateLimits:Import:PerAddress"] = "0",
        });
        var database = Path.Combine(data, "knowledgekaizen.db");
        await Eventually.TrueAsync("the start-up jobs (index build, first training) to finish",
            () => Scalar(database, "SELECT COUNT(*) FROM BackgroundJobs WHERE Status IN ('Queued', 'Running')") == 0, TimeSpan.FromMinutes(20));
        Console.WriteLine($"Portal up with the demo data, start-up jobs done, in {clock.Elapsed.TotalSeconds:0} s");

        var cookies = new CookieContainer();
        using var admin = Client(portal.BaseUrl!, cookies);
        var signedIn = await PortalFactory.PostFormAsync(admin, "/Account/Login", new() { ["Input.Email"] = AdminEmail, ["Input.Password"] = AdminPassword });
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)signedIn.StatusCode}.");
        }

        var token = await PortalFactory.CreateApiTokenAsync(admin, "load run");
        var published = Ints(database, $"SELECT Id FROM KnowledgeDocuments WHERE Status = {(int)DocumentStatus.Published} ORDER BY Id");
        var drafts = new List<int>();
        for (var i = 0; i < connections; i++)
        {
            drafts.Add(await CreateDraftAsync(admin, i));
        }

        LoadConnection Connect(int i) => new(Client(portal.BaseUrl!, cookies), token, drafts[i], published, i);

        await RunPhaseAsync("warm-up", TimeSpan.FromSeconds(10), Math.Min(8, connections), Connect, print: false);

        using var stopImports = new CancellationTokenSource();
        var imports = new ImportLoop(Client(portal.BaseUrl!, cookies), token, files.Item1, files.Item2);
        var commitsBefore = IndexCommitGeneration(data);
        var importing = imports.RunAsync(stopImports.Token);
        await Eventually.TrueAsync("the first import to start", () => Scalar(database, "SELECT COUNT(*) FROM Imports WHERE Status IN ('Running', 'Applying')") > 0);
        var during = await RunPhaseAsync($"{seconds} s, {connections} connections, imports of {importRows:N0} rows running", TimeSpan.FromSeconds(seconds), connections, Connect);
        Console.WriteLine($"Search index commits during the phase: {IndexCommitGeneration(data) - commitsBefore}");
        await stopImports.CancelAsync();
        await importing;
        Report.Table("Imports during the run", ["import", "rows", "seconds (upload to finished)", "outcome"],
            imports.Finished.Select((f, i) => (IReadOnlyList<string>)[$"{i + 1}", f.Rows.ToString("N0", CultureInfo.InvariantCulture),
                f.Seconds.ToString("0.0", CultureInfo.InvariantCulture), f.Status]));

        var quiet = await RunPhaseAsync($"baseline: {baselineSeconds} s, {connections} connections, no import", TimeSpan.FromSeconds(baselineSeconds), connections, Connect);
        Verify(database, during, quiet);
        File.WriteAllText(Path.Combine(folder, "portal-output.txt"), portal.Output);
        Console.WriteLine($"The portal's last output: {Path.Combine(folder, "portal-output.txt")}");
    }

    /// <summary>Runs the mix on <paramref name="connections"/> connections for <paramref name="duration"/>; prints the figures.</summary>
    private static async Task<LoadRecorder> RunPhaseAsync(string name, TimeSpan duration, int connections, Func<int, LoadConnection> connect, bool print = true)
    {
        var recorder = new LoadRecorder();
        var loads = new List<double>();
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                loads.Add(LoadAverage());
                await Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None);
            }
        });
        var workers = Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            using var connection = connect(i);
            await connection.RunAsync(recorder, () => clock.Elapsed >= duration);
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        if (!print)
        {
            return recorder;
        }

        var all = recorder.Requests.ToList();
        var rows = all.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.ToList(), elapsed)).Append(Row("all", all, elapsed)).ToList();
        Report.Table($"{name} — load average {loads.Average():0.0} (1-min, sampled every 5 s; {loads.Min():0.0}–{loads.Max():0.0})",
            ["requests", "count", "errors", "per second", "p50", "p99", "max"], rows);
        var stalls = recorder.Stalls(TimeSpan.FromSeconds(1));
        Console.WriteLine(stalls.Count == 0 ? "Stalls (no answer for 1 s or more while requests waited): none"
            : "Stalls (no answer for 1 s or more while requests waited): " + string.Join("; ", stalls.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"at {s.StartSeconds:0.0} s ({recorder.Began.AddSeconds(s.StartSeconds):HH:mm:ss.f} UTC) for {s.Seconds:0.00} s, {s.Waiting} waiting"))));
        foreach (var error in recorder.FirstErrors)
        {
            Console.WriteLine("error: " + error);
        }

        return recorder;
    }

    private static IReadOnlyList<string> Row(string kind, List<(string Kind, double Ms, bool Ok)> requests, double seconds)
    {
        var sorted = requests.Select(r => r.Ms).Order().ToList();
        return [kind, requests.Count.ToString("N0", CultureInfo.InvariantCulture), requests.Count(r => !r.Ok).ToString(CultureInfo.InvariantCulture),
            (requests.Count / seconds).ToString("0.0", CultureInfo.InvariantCulture), Report.Ms(Report.Percentile(sorted, 0.5)),
            Report.Ms(Report.Percentile(sorted, 0.99)), Report.Ms(sorted.Count == 0 ? 0 : sorted[^1])];
    }

    /// <summary>Every acknowledged write of both phases is in the database, with the text sent.</summary>
    private static void Verify(string database, params LoadRecorder[] phases)
    {
        var feedback = new Dictionary<long, string>();
        using (var connection = Open(database))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id, Text FROM Feedback WHERE Text LIKE 'load feedback %'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                feedback[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        var revisions = new HashSet<(int, string)>();
        using (var connection = Open(database))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT DocumentId, Body FROM DocumentRevisions WHERE Body LIKE 'load save %'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                revisions.Add((reader.GetInt32(0), reader.GetString(1)));
            }
        }

        var acknowledgedFeedback = phases.SelectMany(p => p.Feedback).ToList();
        var acknowledgedSaves = phases.SelectMany(p => p.Saves).ToList();
        var lostFeedback = acknowledgedFeedback.Count(f => feedback.GetValueOrDefault(f.Id) != f.Text);
        var lostSaves = acknowledgedSaves.Count(s => !revisions.Contains((s.DocumentId, s.Body)));
        Report.Table("Acknowledged writes, checked in the database afterwards", ["write", "acknowledged", "found", "lost"],
        [
            ["feedback post", $"{acknowledgedFeedback.Count:N0}", $"{acknowledgedFeedback.Count - lostFeedback:N0}", $"{lostFeedback}"],
            ["document save", $"{acknowledgedSaves.Count:N0}", $"{acknowledgedSaves.Count - lostSaves:N0}", $"{lostSaves}"],
        ]);
    }

    private static async Task<int> CreateDraftAsync(HttpClient admin, int connection)
    {
        var response = await PortalFactory.PostFormAsync(admin, "/Knowledge/Edit?kind=playbook", new()
        {
            ["Input.Title"] = $"Load document {connection}",
            ["Input.Body"] = "load save start",
            ["Input.Language"] = "en",
            ["Input.Stages"] = "propose",
            ["Input.ReviewIntervalDays"] = "180",
        }, formPage: "/Knowledge/Edit?kind=playbook");
        return response.StatusCode == HttpStatusCode.Redirect && DocumentId().Match(response.Headers.Location!.OriginalString) is { Success: true } id
            ? int.Parse(id.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Creating a draft answered {(int)response.StatusCode}.");
    }

    // One TCP connection per client, the Admin's cookie shared.
    private static HttpClient Client(string baseUrl, CookieContainer cookies) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1, CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };

    /// <summary>
    /// The generation of the search index's last commit (Lucene names its commit points segments_N, N in base 36): how
    /// many commits, each syncing files to disk, a phase cost.
    /// </summary>
    private static long IndexCommitGeneration(string data)
    {
        var index = Path.Combine(data, "index");
        var generation = Path.Combine(index, File.ReadAllText(Path.Combine(index, "current")).Trim());
        return Directory.EnumerateFiles(generation, "segments_*")
            .Select(f => Path.GetFileName(f)["segments_".Length..])
            .Max(n => n.Aggregate(0L, (value, digit) => value * 36 + (char.IsDigit(digit) ? digit - '0' : digit - 'a' + 10)));
    }

    private static double LoadAverage() => double.Parse(BenchOptions.OneMinuteLoad(), CultureInfo.InvariantCulture);

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=false");
        connection.Open();
        return connection;
    }

    private static long Scalar(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static List<int> Ints(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<int>();
        while (reader.Read())
        {
            values.Add(reader.GetInt32(0));
        }

        return values;
    }

    private static int Option(string[] args, string name, int fallback) =>
        BenchOptions.Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    [GeneratedRegex("/Knowledge/Details/(\\d+)")]
    private static partial Regex DocumentId();
}
