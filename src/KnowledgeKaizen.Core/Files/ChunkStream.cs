namespace KnowledgeKaizen.Core.Files;

/// <summary>
/// A read-only stream over one version of a stored file, holding one content row at a time. It knows its length and
/// position (progress bars) and seeks: within the row in hand at no cost (format detection rewinds its first bytes), to
/// another row by a new query of that version, which fails if a write has replaced the version meanwhile. It owns the
/// query and the scope (context and connection) it runs in, and ends them when disposed.
/// </summary>
internal sealed class ChunkStream : Stream
{
    private readonly AsyncServiceScope scope;
    private readonly KnowledgeKaizenDbContext db;
    private readonly long fileId;
    private readonly string path;
    private IAsyncEnumerator<byte[]?> rows;
    private byte[]? chunk;
    private long chunkStart;
    private int offset;
    private bool disposed;

    public ChunkStream(AsyncServiceScope scope, KnowledgeKaizenDbContext db, string path, long fileId, long length, IAsyncEnumerator<byte[]?> rows)
    {
        this.scope = scope;
        this.db = db;
        this.path = path;
        this.fileId = fileId;
        this.rows = rows;
        Length = length;
        chunk = rows.Current;
    }

    public override bool CanRead => !disposed;

    public override bool CanSeek => !disposed;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => chunkStart + offset;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Synchronous readers (StreamReader.ReadToEnd) are served; the next row is fetched only when this one is used up.
        while (Remaining == 0 && chunk is not null)
        {
            Advance(rows.MoveNextAsync().AsTask().GetAwaiter().GetResult());
        }

        return CopyTo(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (Remaining == 0 && chunk is not null)
        {
            Advance(await rows.MoveNextAsync());
        }

        return CopyTo(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => Length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (chunk is not null && target >= chunkStart && target <= chunkStart + chunk.Length)
        {
            this.offset = (int)(target - chunkStart);
            return target;
        }

        rows.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var index = (int)Math.Min(target / DatabaseFileStore.ChunkSize, int.MaxValue);
        rows = db.StoredFileChunks.AsNoTracking().Where(c => c.FileId == fileId && c.Index >= index).OrderBy(c => c.Index)
            .Select(c => (byte[]?)c.Data).AsAsyncEnumerable().GetAsyncEnumerator();
        var found = rows.MoveNextAsync().AsTask().GetAwaiter().GetResult();
        if (!found && target < Length)
        {
            throw new IOException($"{path} was replaced or removed while it was read.");
        }

        chunk = found ? rows.Current : null;
        chunkStart = (long)index * DatabaseFileStore.ChunkSize;
        this.offset = (int)Math.Min(target - chunkStart, chunk?.Length ?? 0);
        return target;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            await rows.DisposeAsync();
            await scope.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            rows.DisposeAsync().AsTask().GetAwaiter().GetResult();
            scope.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Remaining => chunk is null ? 0 : chunk.Length - offset;

    private void Advance(bool more)
    {
        chunkStart += chunk?.Length ?? 0;
        chunk = more ? rows.Current : null;
        offset = 0;
    }

    private int CopyTo(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var count = Math.Min(buffer.Length, Remaining);
        chunk.AsSpan(offset, count).CopyTo(buffer);
        offset += count;
        return count;
    }
}
