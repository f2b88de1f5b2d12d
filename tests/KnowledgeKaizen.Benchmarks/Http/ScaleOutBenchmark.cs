using Npgsql;

namespace KnowledgeKaizen.Benchmarks.Http;

/// <summary>
/// Several instances behind nginx, as deployed (deploy/nginx): a PostgreSQL server of its own, the demo data plus
/// <c>--cases</c> resolved service cases (searchable documents), one instance behind nginx and then two, each measured
/// with wrk on the search page and a document page beside a static file (the baseline of the same round), and the time a
/// new instance with an empty index takes from its start to ready (its index built from every document). On one machine
/// the two instances share its cores: the ratio shows what the balancing costs, not what more machines would gain.
/// Usage: scale-out [--rounds 3] [--seconds 10] [--cases 100000] [--web KnowledgeKaizen.Web.dll]
/// (build the portal first: dotnet build -c Release src/KnowledgeKaizen.Web; needs wrk, nginx and PostgreSQL's binaries)
/// </summary>
public sealed partial class ScaleOutBenchmark : IBenchmark
{
    private const string AdminEmail = "admin@scale.bench";
    private const string AdminPassword = "Scale-Bench-2026";

    public string Name => "scale-out";

    public string Description => "search and a document page through nginx with one instance vs two (PostgreSQL); a new instance's index build time";

    public async Task RunAsync(string[] args)
    {
        var rounds = BenchOptions.Int(args, "--rounds", 3);
        var seconds = BenchOptions.Int(args, "--seconds", 10);
        // 0 is meaningful: no cases beside the demo data.
        var cases = int.Parse(BenchOptions.Text(args, "--cases") ?? "100000", CultureInfo.InvariantCulture);
        var web = BenchOptions.Text(args, "--web") ?? Path.Combine(RepoPaths.Root, "src", "KnowledgeKaizen.Web", "bin", "Release", "net10.0", "KnowledgeKaizen.Web.dll");
        using var folder = new TempFolder("scale-out-bench");
        await using var postgres = await PrivatePostgres.StartAsync();
        var database = await postgres.CreateDatabaseAsync("kaizen");

        var clock = Stopwatch.StartNew();
        await using var a = await ServeAsync(web, folder.File("a"), "a", database, demoData: true);
        await ReadyAsync(a);
        Console.WriteLine($"Instance a up with the demo data in {clock.Elapsed.TotalSeconds:0} s");
        if (cases > 0)
        {
            clock.Restart();
            var file = folder.File("cases.csv");
            await File.WriteAllTextAsync(file, CasesCsv(cases));
            await using var import = PortalProcess.Run(web, ["import", "service-cases", file], Settings(folder.File("a"), "a", database, demoData: false));
            if (await import.WaitForExitAsync(TimeSpan.FromMinutes(30)) != 0)
            {
                throw new InvalidOperationException($"The import failed:\n{import.Output}");
            }

            await CaughtUpAsync(a);
            Console.WriteLine($"{cases:N0} resolved service cases imported and indexed by instance a in {clock.Elapsed.TotalSeconds:0} s");
        }

        // What the search indexes hold (SearchDocumentSource): knowledge, resolved cases, feedback.
        var documents = await ScalarAsync(database, """
            SELECT (SELECT count(*) FROM "KnowledgeDocuments") + (SELECT count(*) FROM "Feedback")
                 + (SELECT count(*) FROM "ServiceCases" WHERE "ResolvedAt" IS NOT NULL AND "Resolution" IS NOT NULL)
            """);
        using (var one = await NginxProxy.StartAsync(a.BaseUrl!))
        {
            await MeasureAsync(one, rounds, seconds, $"One instance behind nginx ({documents:N0} documents)");
        }

        clock.Restart();
        await using var b = await ServeAsync(web, folder.File("b"), "b", database, demoData: false);
        await ReadyAsync(b);
        await CaughtUpAsync(b);
        Report.Table("A new instance with an empty index", ["documents", "start to ready (index built)", "1-minute load average"],
            [[documents.ToString("N0", CultureInfo.InvariantCulture), $"{clock.Elapsed.TotalSeconds:0.0} s", BenchOptions.OneMinuteLoad()]]);

        using var two = await NginxProxy.StartAsync(a.BaseUrl!, b.BaseUrl!);
        await MeasureAsync(two, rounds, seconds, $"Two instances behind nginx ({documents:N0} documents)");
    }

    private static async Task MeasureAsync(NginxProxy proxy, int rounds, int seconds, string title)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
        }) { BaseAddress = new Uri(proxy.BaseUrl) };
        var signedIn = await PortalFactory.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = AdminEmail, ["Input.Password"] = AdminPassword });
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in through nginx answered {(int)signedIn.StatusCode}.");
        }

        var document = DocumentLink().Match(await client.GetStringAsync("/Procedures")).Groups[1].Value;
        await WrkLoad.RoundsAsync(client, cookies.GetCookieHeader(client.BaseAddress!), [
            ("static file", "/css/site.css"),
            ("document page", document),
            ("search, English", "/Search?q=refund"),
            ("search, Chinese", "/Search?q=" + Uri.EscapeDataString("安装")),
        ], rounds, seconds, title);
    }

    private static Task<PortalProcess> ServeAsync(string web, string data, string name, string database, bool demoData) =>
        PortalProcess.ServeAsync(web, data, Settings(data, name, database, demoData), Path.Combine(RepoPaths.Root, "src", "KnowledgeKaizen.Web"));

    private static Dictionary<string, string?> Settings(string data, string name, string database, bool demoData) => new()
    {
        ["KnowledgeKaizen:DataPath"] = data,
        [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.PostgreSql),
        [DatabaseSettings.ConnectionStringKey] = database,
        ["Search:Indexing:InstanceName"] = name,
        ["KnowledgeKaizen:LoadDemoData"] = demoData ? "true" : "false",
        ["KnowledgeKaizen:SeedPath"] = RepoPaths.SeedData,
        ["KnowledgeKaizen:ContentPath"] = RepoPaths.Content,
        ["KnowledgeKaizen:AdminEmail"] = AdminEmail,
        ["KK_ADMIN_PASSWORD"] = AdminPassword,
        ["KnowledgeKaizen:Proxy:KnownProxies:0"] = "127.0.0.1",
        ["KnowledgeKaizen:Backups:DailyAt"] = string.Empty,
    };

    /// <summary>Ready: the database reachable and migrated, no rebuild of its index queued or running, its index caught up.</summary>
    private static async Task ReadyAsync(PortalProcess portal)
    {
        using var probe = portal.CreateClient();
        await Eventually.TrueAsync($"{portal.BaseUrl} to be ready",
            async () => (await probe.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromMinutes(30));
    }

    /// <summary>
    /// The instance's own outbox feed has nothing left to apply, as its search index page says ("Changes waiting"; ready
    /// alone allows entries up to 5 s old).
    /// </summary>
    private static async Task CaughtUpAsync(PortalProcess portal)
    {
        using var admin = await portal.SignInAsync(AdminEmail, AdminPassword);
        await Eventually.TrueAsync($"{portal.BaseUrl}'s index to apply every outbox entry",
            async () => PendingCount().Match(await admin.GetStringAsync("/Admin/SearchIndex")).Groups[1].Value == "0", TimeSpan.FromMinutes(30));
    }

    /// <summary>Resolved cases of the demo data's first customer and agent, with resolutions worded apart so each is a document of its own.</summary>
    private static string CasesCsv(int count)
    {
        var text = new StringBuilder("external_id,customer_id,agent_id,opened_at,resolved_at,channel,category,priority,subject,resolution\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"BENCH-{i:D7},CUS-{1 + (i % 200):D5},REP-{1 + (i % 60):D3},2025-03-01T08:00:00Z,2025-03-02T08:00:00Z,email,billing,normal,Refund request {i},")
                .Append(CultureInfo.InvariantCulture, $"Checked invoice {i} against order {i * 7 % 10007}; refunded the duplicate charge and confirmed by phone.\n");
        }

        return text.ToString();
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"href=""(/Knowledge/Details/\d+)""")]
    private static partial Regex DocumentLink();

    [GeneratedRegex(@"data-testid=""pending-count"">([^<]*)<")]
    private static partial Regex PendingCount();
}
