namespace KnowledgeKaizen.Core.Files;

/// <summary>
/// A read-only stream over a stored file's content rows as one query returns them, holding one chunk at a time. It owns
/// the query and the scope (context and connection) it runs in, and ends them when disposed.
/// </summary>
internal sealed class ChunkStream(IAsyncEnumerator<byte[]?> rows, AsyncServiceScope scope) : Stream
{
    private byte[]? chunk = rows.Current;
    private int offset;
    private bool disposed;

    public override bool CanRead => !disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
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

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

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
