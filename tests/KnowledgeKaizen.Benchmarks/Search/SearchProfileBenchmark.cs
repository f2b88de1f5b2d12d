using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Benchmarks.Search;

/// <summary>
/// Where the Lucene engine's time goes: indexing wall and CPU time (CPU time per document stays meaningful on a
/// loaded machine), then warm p50/p95 per query kind for plain top-10, with facets, with highlighting and with
/// both. Options: --docs N (default 20000), --queries N (default 1000), --threads N (indexing, default 2);
/// --stages prints only the single-thread cost of each indexing stage.
/// </summary>
public sealed class SearchProfileBenchmark : IBenchmark
{
    public string Name => "search-profile";

    public string Description => "Lucene.Net engine only: indexing CPU per document, latency per query kind and feature (--docs N)";

    public Task RunAsync(string[] args)
    {
        var docs = BenchOptions.Int(args, "--docs", 20_000);
        var queries = SearchQueries.Generate(BenchOptions.Int(args, "--queries", 1_000));
        var threads = BenchOptions.Int(args, "--threads", 2);
        if (args.Contains("--stages"))
        {
            IndexingStages.Print(Math.Min(docs, 5_000));
            return Task.CompletedTask;
        }

        var folder = Path.Combine(Path.GetTempPath(), "kk-search-profile-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var lucene = new LuceneSearchIndex(new SearchOptions { IndexPath = folder, IndexingThreads = threads });
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            lucene.Rebuild(SearchCorpus.Indexed(docs), "profile");
            var wall = watch.Elapsed;
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"Indexing {docs:N0} docs, {threads} threads: {docs / wall.TotalSeconds:N0} docs/s wall, "
                + $"{cpuUsed.TotalMilliseconds * 1000 / docs:N0} µs CPU per doc ({docs / cpuUsed.TotalSeconds:N0} docs per CPU-second), {lucene.SegmentCount} segments; load {BenchOptions.LoadAverage()}");

            var reader = new SearchReader("user1", ["Staff"]);
            var variants = new (string Name, bool Facets, bool Highlight)[] { ("plain", false, false), ("facets", true, false), ("highlight", false, true), ("both", true, true) };
            var rows = new List<IReadOnlyList<string>>();
            foreach (var group in queries.GroupBy(q => q.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Append(queries.GroupBy(_ => "ALL").Single()))
            {
                var row = new List<string> { group.Key };
                foreach (var (_, facets, highlight) in variants)
                {
                    var times = SearchBenchmark.Measure(group.ToList(), q => lucene.Search(SearchBenchmark.Request(q, reader, highlight) with { IncludeFacets = facets }));
                    row.Add($"{Report.Percentile(times, 0.5):0.00} / {Report.Percentile(times, 0.95):0.00}");
                }

                rows.Add(row);
            }

            Report.Table("Warm single-thread latency p50 / p95 (ms) per query kind", ["kind", .. variants.Select(v => v.Name)], rows);
            foreach (var (name, facets, highlight) in variants)
            {
                var (bytes, gen0) = (GC.GetAllocatedBytesForCurrentThread(), GC.CollectionCount(0));
                queries.ToList().ForEach(q => lucene.Search(SearchBenchmark.Request(q, reader, highlight) with { IncludeFacets = facets }));
                Console.WriteLine($"{name}: {(GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0 / queries.Count:N0} KB allocated per query, {GC.CollectionCount(0) - gen0} gen0 GCs over {queries.Count} queries");
            }

            Console.WriteLine($"Load average after: {BenchOptions.LoadAverage()}");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return Task.CompletedTask;
    }
}
