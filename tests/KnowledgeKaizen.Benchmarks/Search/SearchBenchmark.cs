using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Benchmarks.Search;

/// <summary>
/// Lucene.Net (this engine, through <see cref="ISearchIndex"/>) against SQLite FTS5 on the same generated corpus
/// and queries: indexing throughput, index size, and warm single-thread latency of top-10 with highlighting.
/// Options: --docs N (default 100000), --queries N (default 1000), --threads N (indexing, default 2).
/// </summary>
public sealed class SearchBenchmark : IBenchmark
{
    public string Name => "search";

    public string Description => "Lucene.Net engine vs SQLite FTS5: indexing docs/s, size, top-10 + highlight latency (--docs N)";

    public Task RunAsync(string[] args)
    {
        var docs = BenchOptions.Int(args, "--docs", 100_000);
        var queryCount = BenchOptions.Int(args, "--queries", 1_000);
        var threads = BenchOptions.Int(args, "--threads", 2);
        var folder = Path.Combine(Path.GetTempPath(), "kk-search-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            Run(docs, queryCount, threads, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static void Run(int docs, int queryCount, int threads, string folder)
    {
        Console.WriteLine($"Corpus: {docs:N0} documents (20 % Chinese), {queryCount:N0} queries, indexing threads: {threads}, cores: {Environment.ProcessorCount}, load average: {BenchOptions.LoadAverage()}");
        var queries = SearchQueries.Generate(queryCount);

        var generation = Stopwatch.StartNew();
        var generatedChars = SearchCorpus.Documents(docs).Sum(d => (long)d.Body.Length);
        var generationRate = docs / generation.Elapsed.TotalSeconds;
        Console.WriteLine($"Generating the corpus alone: {generationRate:N0} docs/s ({generatedChars / docs:N0} body chars per document)");

        using var lucene = new LuceneSearchIndex(new SearchOptions { IndexPath = Path.Combine(folder, "lucene"), IndexingThreads = threads });
        var watch = Stopwatch.StartNew();
        lucene.Rebuild(SearchCorpus.Indexed(docs), "bench");
        var luceneRate = docs / watch.Elapsed.TotalSeconds;
        var luceneSize = Directory.EnumerateFiles(Path.Combine(folder, "lucene"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        var reader = new SearchReader("user1", ["Staff"]);
        SearchRequest Request(BenchQuery q, bool highlight) => SearchBenchmark.Request(q, reader, highlight);

        var luceneHits = queries.Select(q => lucene.Search(Request(q, true)).Hits.Count).ToList();
        var luceneHighlight = Measure(queries, q => lucene.Search(Request(q, true)));
        var lucenePlain = Measure(queries, q => lucene.Search(Request(q, false)));
        var luceneNoFacets = Measure(queries, q => lucene.Search(Request(q, true) with { IncludeFacets = false }));
        var luceneChinese = Measure(queries.Where(q => q.Kind is "chinese" or "mixed").ToList(), q => lucene.Search(Request(q, true)));

        using var fts = new Fts5Baseline(Path.Combine(folder, "fts5.db"));
        var ftsRate = fts.Build(SearchCorpus.Documents(docs));
        var ftsSize = fts.SizeBytes();
        var ftsHits = queries.Select(fts.Search).ToList();
        var ftsLatency = Measure(queries, q => fts.Search(q));
        var ftsChinese = Measure(queries.Where(q => q.Kind is "chinese" or "mixed").ToList(), q => fts.Search(q));

        Report.Table("Top-10 latency, warm, single thread (Lucene: with facets and <mark> highlighting unless noted)",
            ["", "Lucene.Net", "SQLite FTS5", "Lucene / FTS5"],
            [
                Row("p50", luceneHighlight, ftsLatency, 0.50),
                Row("p95", luceneHighlight, ftsLatency, 0.95),
                Row("p99", luceneHighlight, ftsLatency, 0.99),
                Row("p95 Chinese + mixed queries", luceneChinese, ftsChinese, 0.95),
                ["p95 Lucene without highlighting", Report.Ms(Report.Percentile(lucenePlain, 0.95)), "", ""],
                ["p95 Lucene highlighting, no facets", Report.Ms(Report.Percentile(luceneNoFacets, 0.95)), "", ""],
            ]);

        Report.Table("Indexing and size",
            ["", "Lucene.Net", "SQLite FTS5", "Lucene / FTS5"],
            [
                ["build docs/s", Rate(luceneRate) + $" ({threads} threads)", Rate(ftsRate) + " (1 thread)", Report.Ratio(luceneRate, ftsRate)],
                ["index size", Mb(luceneSize), Mb(ftsSize), Report.Ratio(luceneSize, ftsSize)],
            ]);

        Report.Table("Hits (top-10 filled) per query kind",
            ["kind", "queries", "Lucene: with hits", "FTS5: with hits"],
            queries.Select((q, i) => (q.Kind, Lucene: luceneHits[i] > 0, Fts: ftsHits[i] > 0))
                .GroupBy(x => x.Kind)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key, g.Count().ToString(CultureInfo.InvariantCulture), g.Count(x => x.Lucene).ToString(CultureInfo.InvariantCulture), g.Count(x => x.Fts).ToString(CultureInfo.InvariantCulture)]));

        Console.WriteLine();
        Console.WriteLine($"Peak working set: {Report.PeakWorkingSetMb():N0} MB; load average at the end: {BenchOptions.LoadAverage()}");
    }

    /// <summary>The engine request for a benchmark query: its text and filters, as <paramref name="reader"/>.</summary>
    internal static SearchRequest Request(BenchQuery q, SearchReader reader, bool highlight) => new()
    {
        Text = q.Text,
        Reader = reader,
        Types = q.Type is null ? [] : [q.Type],
        Stages = q.Stage is null ? [] : [q.Stage],
        Highlight = highlight,
    };

    /// <summary>One warm-up pass, then each query timed once; sorted milliseconds.</summary>
    internal static List<double> Measure<T>(IReadOnlyList<BenchQuery> queries, Func<BenchQuery, T> run)
    {
        foreach (var q in queries)
        {
            run(q);
        }

        var times = new List<double>(queries.Count);
        foreach (var q in queries)
        {
            var start = Stopwatch.GetTimestamp();
            run(q);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static IReadOnlyList<string> Row(string label, List<double> lucene, List<double> fts, double p)
    {
        var l = Report.Percentile(lucene, p);
        var f = Report.Percentile(fts, p);
        return [label, Report.Ms(l), Report.Ms(f), Report.Ratio(l, f)];
    }

    private static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + " docs/s";

    private static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
