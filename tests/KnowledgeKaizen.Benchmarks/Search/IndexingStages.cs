using KnowledgeKaizen.Search.Analysis;
using KnowledgeKaizen.Search.Documents;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace KnowledgeKaizen.Benchmarks.Search;

/// <summary>
/// Single-thread CPU cost per document of each indexing stage (corpus generation, Markdown stripping and field
/// mapping, analysis per field, a whole AddDocument into memory), to see what dominates indexing throughput.
/// </summary>
internal static class IndexingStages
{
    public static void Print(int count)
    {
        var docs = SearchCorpus.Documents(count).ToList();
        var generate = Time(() => SearchCorpus.Documents(count).Count());
        List<Document> mapped = [];
        var map = Time(() => mapped = docs.Select(d => DocumentMapper.ToLucene(SearchCorpus.Plain(d))).ToList());

        using var analyzers = new SearchAnalyzers();
        var perField = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var doc in mapped)
        {
            foreach (var field in doc.Fields.Where(f => f.IndexableFieldType.IsIndexed && f.IndexableFieldType.IsTokenized))
            {
                var start = Stopwatch.GetTimestamp();
                using var stream = field.GetTokenStream(analyzers.PerField);
                var term = stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                }

                stream.End();
                perField[field.Name] = perField.GetValueOrDefault(field.Name) + Stopwatch.GetElapsedTime(start);
            }
        }

        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(EnglishSearchAnalyzer.Version, analyzers.PerField) { RAMBufferSizeMB = 256 });
        var add = Time(() => mapped.ForEach(d => writer.AddDocument(d)));

        string PerDoc(TimeSpan t) => (t.TotalMilliseconds * 1000 / count).ToString("N0", CultureInfo.InvariantCulture) + " µs";
        Report.Table($"Indexing stages, single thread, {count:N0} documents (wall time per document)",
            ["stage", "per doc"],
            [
                ["generate corpus", PerDoc(generate)],
                ["strip Markdown + map fields", PerDoc(map)],
                .. perField.OrderByDescending(kv => kv.Value).Select(kv => (IReadOnlyList<string>)["analyse " + kv.Key, PerDoc(kv.Value)]),
                ["AddDocument (analysis + postings, RAM)", PerDoc(add)],
            ]);
    }

    private static TimeSpan Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start);
    }
}
