using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Testing;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Benchmarks.Search;

/// <summary>
/// The search page over HTTP with the demo data: the real portal (Release, separate process, signed in) under
/// <c>wrk -t2 -c16 --latency</c>, against a static file and a document page measured in the same rounds (the
/// baseline: what the machine serves at that moment). Prints each target's median requests/s and p99 over the rounds,
/// the search pages' share of the static file's throughput, and the load average around each round.
/// Usage: search-http [--rounds 3] [--seconds 10] [--web KnowledgeKaizen.Web.dll] (build the portal first:
/// dotnet build -c Release src/KnowledgeKaizen.Web; needs wrk: apt-get install -y wrk)
/// </summary>
public sealed partial class SearchHttpBenchmark : IBenchmark
{
    private const string AdminEmail = "admin@bench.test";
    private const string AdminPassword = "Bench-Admin-2026";

    public string Name => "search-http";

    public string Description => "the search page (English, Chinese, filtered) under wrk vs a static file and a document page, demo data";

    public async Task RunAsync(string[] args)
    {
        var rounds = int.Parse(Value(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Value(args, "--seconds") ?? "10", CultureInfo.InvariantCulture);
        var web = Value(args, "--web") ?? Path.Combine(RepoPaths.Root, "src", "KnowledgeKaizen.Web", "bin", "Release", "net10.0", "KnowledgeKaizen.Web.dll");
        using var data = new TempFolder("search-http");
        // Started from the web project's folder: the static file and the shipped content library are found there.
        await using var portal = await PortalProcess.ServeAsync(web, data.Path, new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:LoadDemoData"] = "true",
            ["KnowledgeKaizen:AdminEmail"] = AdminEmail,
            ["KK_ADMIN_PASSWORD"] = AdminPassword,
        }, contentRoot: Path.Combine(RepoPaths.Root, "src", "KnowledgeKaizen.Web"));
        var cookies = new CookieContainer();
        using var client = await portal.SignInAsync(AdminEmail, AdminPassword, cookies);
        await QuietAsync(data.Path);
        var document = DocumentLink().Match(await client.GetStringAsync("/Procedures")).Groups[1].Value;
        var targets = new (string Name, string Path)[]
        {
            ("static file", "/css/site.css"),
            ("document page", document),
            ("search, English", "/Search?q=refund"),
            ("search, Chinese", "/Search?q=" + Uri.EscapeDataString("转化率")),
            ("search, filtered", "/Search?q=%22discovery%20visit%22&type=procedure"),
        };
        foreach (var (_, path) in targets)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
            }
        }

        Console.WriteLine($"{rounds} rounds of wrk -t2 -c16 -d{seconds}s per target; demo data; {Environment.ProcessorCount} cores");
        var results = targets.ToDictionary(t => t.Name, _ => new List<(double Rps, double P99)>());
        var loads = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            loads.Add(File.ReadAllText("/proc/loadavg").Split(' ')[0]);
            foreach (var (name, path) in targets)
            {
                results[name].Add(await WrkAsync(client.BaseAddress + path.TrimStart('/'), cookies.GetCookieHeader(client.BaseAddress!), seconds));
            }
        }

        loads.Add(File.ReadAllText("/proc/loadavg").Split(' ')[0]);
        var staticRps = Median(results["static file"].Select(r => r.Rps));
        Report.Table($"Medians of {rounds} rounds (1-minute load average at the rounds' starts and end: {string.Join(", ", loads)})",
            ["target", "requests/s", "p99", "rounds (requests/s)", "share of static"],
            targets.Select(t => (IReadOnlyList<string>)
            [
                t.Name,
                Median(results[t.Name].Select(r => r.Rps)).ToString("N0", CultureInfo.InvariantCulture),
                Report.Ms(Median(results[t.Name].Select(r => r.P99))),
                string.Join(" / ", results[t.Name].Select(r => r.Rps.ToString("N0", CultureInfo.InvariantCulture))),
                (Median(results[t.Name].Select(r => r.Rps)) / staticRps).ToString("P0", CultureInfo.InvariantCulture),
            ]));
        using var db = new KnowledgeKaizenDbContext(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>().UseSqlite($"Data Source={Path.Combine(data.Path, "knowledgekaizen.db")}").Options);
        Console.WriteLine($"Searches logged during the run: {await db.SearchQueries.CountAsync():N0}");
    }

    /// <summary>Waits until the start-up work (index rebuild, first model training) is done, so rounds measure serving alone.</summary>
    private static async Task QuietAsync(string dataFolder)
    {
        var options = new DbContextOptionsBuilder<KnowledgeKaizenDbContext>().UseSqlite($"Data Source={Path.Combine(dataFolder, "knowledgekaizen.db")}").Options;
        var clock = Stopwatch.StartNew();
        await Eventually.TrueAsync("the start-up jobs to finish", async () =>
        {
            await using var db = new KnowledgeKaizenDbContext(options);
            return await db.BackgroundJobs.AnyAsync() && !await db.BackgroundJobs.AnyAsync(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running);
        }, TimeSpan.FromMinutes(20));
        Console.WriteLine($"Start-up jobs done after {clock.Elapsed.TotalSeconds:0} s");
    }

    private static async Task<(double Rps, double P99)> WrkAsync(string url, string cookie, int seconds)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", "-c16", $"-d{seconds}s", "--latency", "-H", "Cookie: " + cookie, url]) { RedirectStandardOutput = true };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk)");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (NonSuccess().Match(output) is { Success: true } failed)
        {
            throw new InvalidOperationException($"{url}: {failed.Value}");
        }

        var rps = double.Parse(Rps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = P99().Match(output);
        var value = double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture);
        return (rps, p99.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value });
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? Value(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    [GeneratedRegex(@"href=""(/Knowledge/Details/\d+)""")]
    private static partial Regex DocumentLink();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Rps();

    [GeneratedRegex(@"\s99%\s+([\d.]+)(us|ms|s)")]
    private static partial Regex P99();

    [GeneratedRegex(@"Non-2xx or 3xx responses: \d+")]
    private static partial Regex NonSuccess();
}
