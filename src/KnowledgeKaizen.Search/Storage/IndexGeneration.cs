using KnowledgeKaizen.Search.Analysis;
using KnowledgeKaizen.Search.Querying;
using Lucene.Net.Search.Similarities;
using Directory = Lucene.Net.Store.Directory;

namespace KnowledgeKaizen.Search.Storage;

/// <summary>One index directory with its single writer and near-real-time searcher manager.</summary>
internal sealed class IndexGeneration : IDisposable
{
    private const string SchemaKey = "kk.schema";
    private const string MarkerKey = "kk.marker";
    private const string BuiltAtKey = "kk.builtAt";
    private const double LiveRamBufferMb = 32;
    private const double BulkRamBufferMb = 128;

    private IndexGeneration(string name, Directory directory, IndexWriter writer)
    {
        Name = name;
        Directory = directory;
        Writer = writer;
        Searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    public string Name { get; }

    public Directory Directory { get; }

    public IndexWriter Writer { get; }

    public SearcherManager Searchers { get; }

    /// <summary>
    /// Opens the writer. With <paramref name="bulk"/> (a rebuild): a large RAM buffer (few, large segments, hence
    /// few merges) and no compound files, which would copy every flushed segment once more; <see cref="EndBulk"/>
    /// restores the settings for small live updates.
    /// </summary>
    public static IndexGeneration Open(string name, Directory directory, SearchAnalyzers analyzers, bool create, bool bulk = false)
    {
        var config = new IndexWriterConfig(EnglishSearchAnalyzer.Version, analyzers.PerField)
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = bulk ? BulkRamBufferMb : LiveRamBufferMb,
            UseCompoundFile = !bulk,
            MergedSegmentWarmer = new FacetTableWarmer(),
        };
        var writer = new IndexWriter(directory, config);
        try
        {
            return new IndexGeneration(name, directory, writer);
        }
        catch
        {
            writer.Rollback();
            throw;
        }
    }

    /// <summary>After a rebuild's documents: later (small) segments are written as usual again.</summary>
    public void EndBulk()
    {
        Writer.Config.RAMBufferSizeMB = LiveRamBufferMb;
        Writer.Config.UseCompoundFile = true;
    }

    /// <summary>Reads the version marker of the last commit; throws when the files are unreadable.</summary>
    public static (int? Schema, string? Marker, DateTimeOffset? BuiltAt) ReadCommitData(Directory directory)
    {
        var infos = new SegmentInfos();
        infos.Read(directory);
        var data = infos.UserData;
        int? schema = data.TryGetValue(SchemaKey, out var s) && int.TryParse(s, out var v) ? v : null;
        DateTimeOffset? builtAt = data.TryGetValue(BuiltAtKey, out var b) && long.TryParse(b, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
        return (schema, data.TryGetValue(MarkerKey, out var m) ? m : null, builtAt);
    }

    /// <summary>True when changes were made since the last commit (searchable, but lost if the process ends now).</summary>
    public bool HasUncommittedChanges => Writer.HasUncommittedChanges();

    /// <summary>Makes the changes made so far searchable without making them durable (near real time).</summary>
    public void Refresh() => Searchers.MaybeRefreshBlocking();

    /// <summary>Makes the changes durable, stamping the commit with schema version and marker, and refreshes searchers.</summary>
    public void Commit(string? marker, DateTimeOffset builtAt)
    {
        Writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = IndexSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [MarkerKey] = marker ?? "",
            [BuiltAtKey] = builtAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Writer.Commit();
        Searchers.MaybeRefreshBlocking();
    }

    public void Dispose()
    {
        Searchers.Dispose();
        Writer.Dispose();
        Directory.Dispose();
    }

    /// <summary>Closes without committing what was added since the last commit (a failed rebuild).</summary>
    public void Abandon()
    {
        Searchers.Dispose();
        Writer.Rollback();
        Directory.Dispose();
    }

    /// <summary>Builds a merged segment's facet table in the merge thread, before searchers can see the segment.</summary>
    private sealed class FacetTableWarmer : IndexWriter.IndexReaderWarmer
    {
        public override void Warm(AtomicReader reader) => SegmentFacetOrdinals.For(reader);
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // Facet tables of new segments are built here, on refresh, rather than inside the first search.
            foreach (var leaf in reader.Leaves)
            {
                SegmentFacetOrdinals.For(leaf.AtomicReader);
            }

            return new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        }
    }
}
