using System.Collections.Concurrent;

namespace KnowledgeKaizen.Core.Files;

/// <summary>
/// <see cref="IFileStore"/> in the database, so that every instance behind a load balancer sees the same uploads, import
/// files and models. A file is a <see cref="StoredFile"/> row and its content rows of <see cref="ChunkSize"/> bytes:
/// content streams through in chunks both ways, never whole in memory. A write adds an unfinished version and finishes
/// it in one transaction that removes the previous version, so readers see the old content or the new; a read is one
/// statement, so it sees one version to its end even when a write replaces it meanwhile.
/// </summary>
/// <remarks>
/// An unfinished version is being written, or was left by a crash. On PostgreSQL its writer holds a session advisory
/// lock on it (the server drops the lock with a dead process's connection), so any instance can tell the two apart;
/// SQLite serves one process, which knows its own writes.
/// </remarks>
public sealed class DatabaseFileStore(IServiceScopeFactory scopes, WriteTurns turns, TimeProvider clock) : IFileStore
{
    /// <summary>Bytes per content row: large enough that a 100 MB import is a hundred rows, small enough to hold in memory.</summary>
    public const int ChunkSize = 1024 * 1024;

    /// <summary>The first key of the writers' advisory locks: "KKFI", apart from other lock keys.</summary>
    private const int WriteLockClass = 0x4B4B_4649;

    private const int FinishAttempts = 3;

    private readonly ConcurrentDictionary<StoredFile, byte> writing = new(ReferenceEqualityComparer.Instance);

    public async Task WriteAsync(string path, Stream content, CancellationToken ct = default)
    {
        FileStorePath.Segments(path);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var file = StoredFile.Begin(path, clock.GetUtcNow());
        writing.TryAdd(file, 0);
        var claimed = false;
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            claimed = await BeginAsync(db, file, ct);
            var buffer = new byte[ChunkSize];
            int read;
            do
            {
                read = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct);
                if (read > 0)
                {
                    var chunk = file.Append(buffer.AsSpan(0, read));
                    db.StoredFileChunks.Add(chunk);
                    await db.SaveChangesAsync(ct);
                    db.Entry(chunk).State = EntityState.Detached;
                }
            }
            while (read == ChunkSize);

            await FinishAsync(db, file, ct);
        }
        catch when (file.Id != 0 && file.CompletedAt is null)
        {
            await RemoveAsync(db, file.Id);
            throw;
        }
        finally
        {
            if (claimed)
            {
                await ReleaseAsync(db, file.Id);
            }

            writing.TryRemove(file, out _);
        }
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken ct = default)
    {
        FileStorePath.Segments(path);
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();

            // One statement for the version and all its content: it reads one snapshot however long the reader takes.
            var rows = (from f in db.StoredFiles.AsNoTracking()
                        where f.Path == path && f.CompletedAt != null
                        from c in db.StoredFileChunks.Where(c => c.FileId == f.Id).DefaultIfEmpty()
                        orderby c!.Index
                        select new ChunkRow(f.Id, f.Length, c == null ? null : c.Data)).AsAsyncEnumerable().GetAsyncEnumerator(ct);
            if (!await rows.MoveNextAsync())
            {
                await rows.DisposeAsync();
                await scope.DisposeAsync();
                return null;
            }

            var (id, length) = (rows.Current.Id, rows.Current.Length);
            return new ChunkStream(scope, db, path, id, length, new ChunkData(rows));
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public async Task<long?> LengthAsync(string path, CancellationToken ct = default)
    {
        FileStorePath.Segments(path);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        return await db.StoredFiles.Where(f => f.Path == path && f.CompletedAt != null).Select(f => (long?)f.Length).FirstOrDefaultAsync(ct);
    }

    public async Task DeleteAsync(string path, CancellationToken ct = default)
    {
        FileStorePath.Segments(path);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        using var turn = db.Sql.OneWriterAtATime ? await turns.TakeAsync(ct) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await DeleteFinishedAsync(db, path, keep: null, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken ct = default)
    {
        FileStorePath.Segments(folder);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var prefix = folder + "/";
        var paths = await db.StoredFiles.Where(f => f.CompletedAt != null && f.Path.StartsWith(prefix)).Select(f => f.Path).ToListAsync(ct);
        return [.. paths.Order(StringComparer.Ordinal)];
    }

    public async Task<int> RemoveUnfinishedWritesAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        var removed = 0;
        foreach (var id in await db.StoredFiles.Where(f => f.CompletedAt == null).Select(f => f.Id).ToListAsync(ct))
        {
            if (writing.Keys.Any(f => f.Id == id) || (db.Database.IsNpgsql() && !await TryClaimAsync(db, id, ct)))
            {
                continue;
            }

            await RemoveAsync(db, id);
            if (db.Database.IsNpgsql())
            {
                await ReleaseAsync(db, id);
            }

            removed++;
        }

        return removed;
    }

    /// <summary>
    /// Adds the unfinished version; on PostgreSQL claims it in the same transaction, so no other instance sees it
    /// unclaimed. Returns whether it holds a claim to release.
    /// </summary>
    private static async Task<bool> BeginAsync(KnowledgeKaizenDbContext db, StoredFile file, CancellationToken ct)
    {
        db.StoredFiles.Add(file);
        if (!db.Database.IsNpgsql())
        {
            await db.SaveChangesAsync(ct);
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({WriteLockClass}, {unchecked((int)file.Id)})", ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Makes the version the path's file in place of the previous one. Two writers of one path finishing at once meet at
    /// the unique index; the one that loses tries again and replaces the winner's version (the last to finish wins).
    /// </summary>
    private async Task FinishAsync(KnowledgeKaizenDbContext db, StoredFile file, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var turn = db.Sql.OneWriterAtATime ? await turns.TakeAsync(ct) : null;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await DeleteFinishedAsync(db, file.Path, keep: file.Id, ct);
                file.Complete(clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < FinishAttempts)
            {
                await transaction.RollbackAsync(ct);
            }
        }
    }

    private static async Task DeleteFinishedAsync(KnowledgeKaizenDbContext db, string path, long? keep, CancellationToken ct)
    {
        var finished = db.StoredFiles.Where(f => f.Path == path && f.CompletedAt != null && f.Id != keep).Select(f => f.Id);
        await db.StoredFileChunks.Where(c => finished.Contains(c.FileId)).ExecuteDeleteAsync(ct);
        await db.StoredFiles.Where(f => f.Path == path && f.CompletedAt != null && f.Id != keep).ExecuteDeleteAsync(ct);
    }

    /// <summary>Removes an unfinished version and its content (best effort: what is left, the next start removes).</summary>
    private async Task RemoveAsync(KnowledgeKaizenDbContext db, long id)
    {
        try
        {
            using var turn = db.Sql.OneWriterAtATime ? await turns.TakeAsync(CancellationToken.None) : null;
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await db.StoredFileChunks.Where(c => c.FileId == id).ExecuteDeleteAsync(CancellationToken.None);
            await db.StoredFiles.Where(f => f.Id == id && f.CompletedAt == null).ExecuteDeleteAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // The connection broke with the write: the version stays unfinished and unclaimed, so cleanup removes it.
        }
    }

    private static async Task<bool> TryClaimAsync(KnowledgeKaizenDbContext db, long id, CancellationToken ct) =>
        await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({WriteLockClass}, {unchecked((int)id)}) AS \"Value\"").SingleAsync(ct);

    private static async Task ReleaseAsync(KnowledgeKaizenDbContext db, long id)
    {
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({WriteLockClass}, {unchecked((int)id)})");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // A broken connection's session, and its locks, end with it.
        }
    }

    private sealed record ChunkRow(long Id, long Length, byte[]? Data);

    /// <summary>The rows of the read's query as their content alone.</summary>
    private sealed class ChunkData(IAsyncEnumerator<ChunkRow> rows) : IAsyncEnumerator<byte[]?>
    {
        public byte[]? Current => rows.Current.Data;

        public ValueTask<bool> MoveNextAsync() => rows.MoveNextAsync();

        public ValueTask DisposeAsync() => rows.DisposeAsync();
    }
}
