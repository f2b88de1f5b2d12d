using KnowledgeKaizen.Benchmarks.Http;
using KnowledgeKaizen.Benchmarks.Metrics;

namespace KnowledgeKaizen.Benchmarks.Search;

/// <summary>
/// The search page over HTTP with the demo data: the real portal (Release, separate process, signed in) under
/// <c>wrk -t2 -c16 --latency</c>, against a static file and a document page measured in the same rounds (the
/// baseline: what the machine serves at that moment). Prints each target's median requests/s and p99 over the rounds,
/// the search pages' share of the static file's throughput, and the load average around each round.
/// <c>--result-cache 0</c> turns the engine's result cache off, so that every request searches, counts facets and
/// highlights (wrk repeats one URL per target: with the cache on, all but the first are answered from it).
/// Usage: search-http [--rounds 3] [--seconds 10] [--result-cache N] [--web KnowledgeKaizen.Web.dll] (build the portal first:
/// dotnet build -c Release src/KnowledgeKaizen.Web; needs wrk: apt-get install -y wrk)
/// </summary>
public sealed partial class SearchHttpBenchmark : IBenchmark
{
    public string Name => "search-http";

    public string Description => "the search page (English, Chinese, filtered) under wrk vs a static file and a document page, demo data";

    public async Task RunAsync(string[] args)
    {
        var rounds = BenchOptions.Int(args, "--rounds", 3);
        var seconds = BenchOptions.Int(args, "--seconds", 10);
        var web = BenchOptions.Text(args, "--web") ?? Path.Combine(RepoPaths.Root, "src", "KnowledgeKaizen.Web", "bin", "Release", "net10.0", "KnowledgeKaizen.Web.dll");
        using var data = new TempFolder("search-http");
        // Started from the web project's folder: the static file and the shipped content library are found there.
        var settings = new Dictionary<string, string?>();
        if (BenchOptions.Text(args, "--result-cache") is { } entries)
        {
            settings["Search:ResultCacheEntries"] = entries;
        }

        await using var portal = await BenchmarkPortal.StartAsync(web, data.Path, demoData: true, contentRoot: Path.Combine(RepoPaths.Root, "src", "KnowledgeKaizen.Web"), settings);
        await WrkLoad.QuietAsync(data.Path);
        var document = DocumentLink().Match(await portal.Client.GetStringAsync("/Procedures")).Groups[1].Value;
        var targets = new (string Name, string Path)[]
        {
            ("static file", "/css/site.css"),
            ("document page", document),
            ("search, English", "/Search?q=refund"),
            ("search, Chinese", "/Search?q=" + Uri.EscapeDataString("转化率")),
            ("search, filtered", "/Search?q=%22discovery%20visit%22&type=procedure"),
        };
        var cache = settings.TryGetValue("Search:ResultCacheEntries", out var size) ? $"result cache {size} entries" : "result cache on";
        await WrkLoad.RoundsAsync(portal, targets, rounds, seconds, $"Search page, demo data, {cache}");
        using var db = new KnowledgeKaizenDbContext(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>().UseSqlite($"Data Source={Path.Combine(data.Path, "knowledgekaizen.db")}").Options);
        Console.WriteLine($"Searches logged during the run: {await db.SearchQueries.CountAsync():N0}");
    }

    [GeneratedRegex(@"href=""(/Knowledge/Details/\d+)""")]
    private static partial Regex DocumentLink();
}
