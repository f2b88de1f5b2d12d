namespace KnowledgeKaizen.Testing;

/// <summary>
/// Content of any length made on the fly and checked on the fly (each byte a function of its position, so a lost,
/// doubled or reordered piece shows), never held whole: what a store does with it is all that can hold it in memory.
/// Both directions sample the live managed heap every few megabytes (after a full collection), so a test can check
/// that a file streamed through rather than sat in memory. Measure in a collection that runs alone.
/// </summary>
public sealed class GeneratedContent(long length)
{
    private const long SampleEvery = 4 * 1024 * 1024;

    private readonly long baseline = GC.GetTotalMemory(forceFullCollection: true);

    public long Length => length;

    /// <summary>The most live heap seen above the heap when this object was made, in bytes.</summary>
    public long PeakHeapGrowth { get; private set; }

    public static byte At(long position) => (byte)((position * 2654435761L) >> 11);

    /// <summary>A stream of the content, read once.</summary>
    public Stream Open() => new Source(this);

    /// <summary>Reads <paramref name="stream"/> to its end; whether it is exactly this content.</summary>
    public async Task<bool> MatchesAsync(Stream stream)
    {
        var buffer = new byte[81920];
        long position = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (position + i >= length || buffer[i] != At(position + i))
                {
                    return false;
                }
            }

            Sample(position, position + read);
            position += read;
        }

        return position == length;
    }

    private void Sample(long from, long to)
    {
        if (from / SampleEvery != to / SampleEvery)
        {
            PeakHeapGrowth = Math.Max(PeakHeapGrowth, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }
    }

    private sealed class Source(GeneratedContent content) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, content.Length - position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = At(position + i);
            }

            content.Sample(position, position + n);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
