using KnowledgeKaizen.Search.Analysis;
using KnowledgeKaizen.Search.Querying;
using KnowledgeKaizen.Search.Storage;

namespace KnowledgeKaizen.Search;

/// <summary>
/// <see cref="ISearchIndex"/> over Lucene.Net: one IndexWriter per index generation, a SearcherManager refreshed
/// after every write (near real time), BM25 everywhere. Applied changes are searchable at once and durable at the
/// next commit, which the caller paces (<see cref="CommitAsync"/>). A rebuild fills a new generation beside the live one
/// and swaps under a short exclusive lock; every other operation holds the shared side of that lock.
/// </summary>
public sealed partial class LuceneSearchIndex : ISearchIndex
{
    private readonly IIndexStorage _storage;
    private readonly SearchAnalyzers _analyzers = new();
    private readonly TimeProvider _time;
    private readonly int _indexingThreads;
    private readonly int _maxQueryLength;
    private readonly ReaderWriterLockSlim _swapLock = new(LockRecursionPolicy.SupportsRecursion);
    private readonly Lock _writeGate = new();
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);
    private IndexGeneration _current;
    private List<Action<IndexWriter>>? _rebuildJournal;
    private string? _marker;
    private bool _disposed;

    /// <summary>Opens (or creates) the index in <see cref="SearchOptions.IndexPath"/>; never throws for a damaged index: see <see cref="Status"/>.</summary>
    public LuceneSearchIndex(SearchOptions options, TimeProvider? timeProvider = null)
        : this(new FileSystemIndexStorage(options.IndexPath), options, timeProvider)
    {
    }

    private LuceneSearchIndex(IIndexStorage storage, SearchOptions options, TimeProvider? timeProvider)
    {
        _storage = storage;
        _time = timeProvider ?? TimeProvider.System;
        _indexingThreads = Math.Max(1, options.IndexingThreads);
        _maxQueryLength = Math.Max(16, options.MaxQueryLength);
        _queries = new QueryBuilder(_analyzers);
        _highlighting = new Highlighting(_analyzers);
        _results = new ResultCache(_time, options.ResultCacheEntries);
        (_current, Status) = OpenOrCreate();
        _marker = Status.Marker;

        // A rebuild killed before its swap leaves a half-built generation that is not current: removed at open.
        _storage.DeleteOthers();
    }

    /// <summary>An index in memory (tests, previews): starts empty with status <see cref="SearchIndexHealth.Missing"/>.</summary>
    public static LuceneSearchIndex CreateInMemory(TimeProvider? timeProvider = null, SearchOptions? options = null) =>
        new(new InMemoryIndexStorage(), options ?? new SearchOptions(), timeProvider);

    public SearchIndexStatus Status { get; private set; }

    public int DocumentCount => WithSearcher(s => s.IndexReader.NumDocs);

    /// <summary>Segments the current searcher spans (diagnostics and benchmarks: every search visits each).</summary>
    internal int SegmentCount => WithSearcher(s => s.IndexReader.Leaves.Count);

    /// <summary>The generation of the current index's last commit (tests: how many commits a change cost).</summary>
    internal long CommitGeneration
    {
        get
        {
            _swapLock.EnterReadLock();
            try
            {
                return SegmentInfos.GetLastCommitGeneration(_current.Directory);
            }
            finally
            {
                _swapLock.ExitReadLock();
            }
        }
    }

    public void Upsert(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Apply(documents.ToList(), [], commit: true);
    }

    public void Delete(string type, string key) => Apply([], [(type, key)], commit: true);

    public Task ApplyAsync(IReadOnlyCollection<SearchDocument> upserts, IReadOnlyCollection<(string Type, string Key)> deletions,
        CancellationToken cancellationToken = default) =>
        Task.Run(() => Apply(upserts, deletions, commit: false), cancellationToken);

    public Task<bool> CommitAsync(CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        lock (_writeGate)
        {
            return OnLiveGeneration(live =>
            {
                if (!live.HasUncommittedChanges)
                {
                    return false;
                }

                Commit(live);
                return true;
            });
        }
    }, cancellationToken);

    private void Apply(IReadOnlyCollection<SearchDocument> upserts, IReadOnlyCollection<(string Type, string Key)> deletions, bool commit)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deletions);
        if (upserts.Count == 0 && deletions.Count == 0)
        {
            return;
        }

        var mapped = upserts.Select(d => (Id: IdTerm(d.Type, d.Key), Doc: DocumentMapper.ToLucene(d))).ToList();
        var gone = deletions.Select(d => IdTerm(d.Type, d.Key)).ToArray();
        Write(commit, writer =>
        {
            foreach (var (id, doc) in mapped)
            {
                writer.UpdateDocument(id, doc);
            }

            if (gone.Length > 0)
            {
                writer.DeleteDocuments(gone);
            }
        });
    }

    private static Term IdTerm(string type, string key) => new(IndexFields.Id, IndexFields.IdOf(type, key));

    public Task RebuildAsync(IEnumerable<SearchDocument> documents, string marker, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Rebuild(documents, marker, progress, cancellationToken), cancellationToken);

    public void Rebuild(IEnumerable<SearchDocument> documents, string marker, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(marker);
        if (!_rebuildGate.Wait(0, cancellationToken))
        {
            throw new InvalidOperationException("A rebuild is already running.");
        }

        try
        {
            RebuildExclusive(documents, marker, progress, cancellationToken);
        }
        finally
        {
            _rebuildGate.Release();
        }
    }

    private void RebuildExclusive(IEnumerable<SearchDocument> documents, string marker, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var (name, directory) = _storage.CreateNext(_time.GetUtcNow());
        var next = IndexGeneration.Open(name, directory, _analyzers, create: true, bulk: true);
        lock (_writeGate)
        {
            _rebuildJournal = [];
        }

        try
        {
            var total = documents.TryGetNonEnumeratedCount(out var n) ? n : 0;
            var done = 0;
            var options = new ParallelOptions { MaxDegreeOfParallelism = _indexingThreads, CancellationToken = cancellationToken };
            Parallel.ForEach(documents, options, doc =>
            {
                next.Writer.AddDocument(DocumentMapper.ToLucene(doc));
                var count = Interlocked.Increment(ref done);
                if (total > 0 && count % 500 == 0)
                {
                    progress?.Report(Math.Min(0.99, count / (double)total));
                }
            });

            next.EndBulk();
            IndexGeneration old;
            lock (_writeGate)
            {
                // Writes that reached the old generation during the build may be newer than the source snapshot.
                foreach (var replay in _rebuildJournal)
                {
                    replay(next.Writer);
                }

                _rebuildJournal = null;
                var builtAt = _time.GetUtcNow();
                next.Commit(marker, builtAt);
                _storage.Promote(name);
                _swapLock.EnterWriteLock();
                try
                {
                    old = _current;
                    _current = next;
                    _marker = marker;
                    Status = new SearchIndexStatus(SearchIndexHealth.Ready, IndexSchema.Version, marker, builtAt, null);
                }
                finally
                {
                    _swapLock.ExitWriteLock();
                }
            }

            old.Dispose();
            _storage.DeleteOthers();
            progress?.Report(1.0);
        }
        catch
        {
            lock (_writeGate)
            {
                _rebuildJournal = null;
            }

            next.Abandon();
            _storage.DeleteOthers();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_writeGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _swapLock.EnterWriteLock();
            try
            {
                _current.Dispose();
            }
            finally
            {
                _swapLock.ExitWriteLock();
            }

            _analyzers.Dispose();
        }

        _rebuildGate.Dispose();
        _swapLock.Dispose();
    }

    /// <summary>Makes <paramref name="change"/> searchable; with <paramref name="commit"/>, durable too.</summary>
    private void Write(bool commit, Action<IndexWriter> change)
    {
        lock (_writeGate)
        {
            OnLiveGeneration(live =>
            {
                change(live.Writer);
                if (commit)
                {
                    Commit(live);
                }
                else
                {
                    live.Refresh();
                }

                return true;
            });
            _rebuildJournal?.Add(change);
        }
    }

    /// <summary>Runs <paramref name="work"/> on the live generation, which no swap replaces meanwhile; callers hold the write gate.</summary>
    private T OnLiveGeneration<T>(Func<IndexGeneration, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _swapLock.EnterReadLock();
        try
        {
            return work(_current);
        }
        finally
        {
            _swapLock.ExitReadLock();
        }
    }

    private void Commit(IndexGeneration live) => live.Commit(_marker, Status.BuiltAt ?? _time.GetUtcNow());

    private T WithSearcher<T>(Func<Lucene.Net.Search.IndexSearcher, T> use)
    {
        _swapLock.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var manager = _current.Searchers;
            var searcher = manager.Acquire();
            try
            {
                return use(searcher);
            }
            finally
            {
                manager.Release(searcher);
            }
        }
        finally
        {
            _swapLock.ExitReadLock();
        }
    }

    private (IndexGeneration, SearchIndexStatus) OpenOrCreate()
    {
        var existing = _storage.OpenCurrent();
        if (existing is { } found)
        {
            try
            {
                var (schema, marker, builtAt) = IndexGeneration.ReadCommitData(found.Directory);
                var generation = IndexGeneration.Open(found.Name, found.Directory, _analyzers, create: false);
                var health = schema == IndexSchema.Version ? SearchIndexHealth.Ready : SearchIndexHealth.Stale;
                return (generation, new SearchIndexStatus(health, schema, marker, builtAt, health == SearchIndexHealth.Stale ? $"Index schema {schema?.ToString() ?? "unknown"}, engine schema {IndexSchema.Version}." : null));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Derived data: whatever the failure, report it and serve an empty index until the host rebuilds.
                found.Directory.Dispose();
                return (CreateEmpty(), new SearchIndexStatus(SearchIndexHealth.Corrupt, null, null, null, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }

        return (CreateEmpty(), new SearchIndexStatus(SearchIndexHealth.Missing, null, null, null, null));
    }

    private IndexGeneration CreateEmpty()
    {
        var (name, directory) = _storage.CreateNext(_time.GetUtcNow());
        var generation = IndexGeneration.Open(name, directory, _analyzers, create: true);
        generation.Commit(marker: null, _time.GetUtcNow());
        _storage.Promote(name);
        return generation;
    }
}
