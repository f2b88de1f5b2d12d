using KnowledgeKaizen.Benchmarks.Metrics;
using KnowledgeKaizen.Core.Jobs;

namespace KnowledgeKaizen.Benchmarks.Http;

/// <summary>
/// HTTP load with <c>wrk -t2 -c16 --latency</c> against the real portal (<see cref="Metrics.BenchmarkPortal"/>): one run's
/// requests/s and p99, the wait for the portal's start-up jobs, and the median the benchmarks report over rounds.
/// Needs wrk (apt-get install -y wrk).
/// </summary>
internal static partial class WrkLoad
{
    /// <summary>Waits until the start-up work (index rebuild, first model training) is done, so rounds measure serving alone.</summary>
    public static async Task QuietAsync(string dataFolder)
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

    /// <summary>
    /// Gets each target once, then runs wrk on every target in turn for <paramref name="rounds"/> rounds and prints each
    /// target's median requests/s and p99 and its share of the first target's requests/s (the baseline: a static file,
    /// what the machine serves at that moment), with the load average at the rounds' starts and end.
    /// </summary>
    public static Task RoundsAsync(BenchmarkPortal portal, IReadOnlyList<(string Name, string Path)> targets, int rounds, int seconds, string title) =>
        RoundsAsync(portal.Client, portal.CookieHeader, targets, rounds, seconds, title);

    /// <summary>The same through any signed-in <paramref name="client"/> (a portal, or a proxy in front of several) and its cookie header.</summary>
    public static async Task RoundsAsync(HttpClient client, string cookie, IReadOnlyList<(string Name, string Path)> targets, int rounds, int seconds,
        string title)
    {
        foreach (var (_, path) in targets)
        {
            using var response = await client.GetAsync(path);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
            }
        }

        Console.WriteLine($"{rounds} rounds of wrk -t2 -c16 -d{seconds}s per target; {Environment.ProcessorCount} cores");
        var results = targets.ToDictionary(t => t.Name, _ => new List<(double Rps, double P99)>());
        var loads = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            loads.Add(BenchOptions.OneMinuteLoad());
            foreach (var (name, path) in targets)
            {
                results[name].Add(await RunAsync(client.BaseAddress + path.TrimStart('/'), cookie, seconds));
            }
        }

        loads.Add(BenchOptions.OneMinuteLoad());
        var baseline = Median(results[targets[0].Name].Select(r => r.Rps));
        Report.Table($"{title}: medians of {rounds} rounds (1-minute load average at the rounds' starts and end: {string.Join(", ", loads)})",
            ["target", "requests/s", "p99", "rounds (requests/s)", $"share of {targets[0].Name}"],
            targets.Select(t => (IReadOnlyList<string>)
            [
                t.Name,
                Median(results[t.Name].Select(r => r.Rps)).ToString("N0", CultureInfo.InvariantCulture),
                Report.Ms(Median(results[t.Name].Select(r => r.P99))),
                string.Join(" / ", results[t.Name].Select(r => r.Rps.ToString("N0", CultureInfo.InvariantCulture))),
                (Median(results[t.Name].Select(r => r.Rps)) / baseline).ToString("P0", CultureInfo.InvariantCulture),
            ]));
    }

    /// <summary>One wrk run of <paramref name="seconds"/> with 16 connections on 2 threads; fails on any non-2xx answer.</summary>
    private static async Task<(double Rps, double P99)> RunAsync(string url, string cookie, int seconds)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", "-c16", $"-d{seconds}s", "--latency", "-H", "Cookie: " + cookie, url]) { RedirectStandardOutput = true };
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("wrk is not installed: apt-get install -y wrk (or leave the load part out with --skip-load)");
        }

        using var wrk = started ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk)");
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


    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Rps();

    [GeneratedRegex(@"\s99%\s+([\d.]+)(us|ms|s)")]
    private static partial Regex P99();

    [GeneratedRegex(@"Non-2xx or 3xx responses: \d+")]
    private static partial Regex NonSuccess();
}
