using System.Text;

namespace KnowledgeKaizen.SeedGenerator.Tests;

public class StreamingTests
{
    /// <summary>A sink that records how many rows had been produced whenever bytes reach it.</summary>
    private sealed class ObservingStream(Func<long> rowsSoFar) : Stream
    {
        public long Length2 { get; private set; }

        public long RowsAtFirstWrite { get; private set; } = -1;

        public int Writes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Length2;

        public override long Position { get => Length2; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (RowsAtFirstWrite < 0)
            {
                RowsAtFirstWrite = rowsSoFar();
            }

            Writes++;
            Length2 += count;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public void WritingStageHistory_StreamsRowsIncrementally_WithFlatMemory()
    {
        const long rows = 200_000;
        long produced = 0;
        var sink = new ObservingStream(() => produced);
        using var writer = new StreamWriter(sink, new UTF8Encoding(false), 1 << 14);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakGrowth = 0;

        var written = DemoDataGenerator.WriteStageHistory(writer, rows, progress: n =>
        {
            produced = n;
            if (n % 50_000 == 0)
            {
                peakGrowth = Math.Max(peakGrowth, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        });

        Assert.Equal(rows, written);
        Assert.InRange(sink.RowsAtFirstWrite, 0, rows / 100);
        Assert.True(sink.Writes > 100, $"only {sink.Writes} writes reached the sink");
        Assert.True(peakGrowth < 16 * 1024 * 1024, $"live heap grew by {peakGrowth / 1024 / 1024} MB");
    }

    [Fact]
    public void StageEntries_AreProducedLazily()
    {
        var generator = new DemoDataGenerator(new DemoDataOptions { Opportunities = 5_000_000 });

        var first = generator.StreamStageEntries().Take(10).ToList();

        Assert.Equal(10, first.Count);
        Assert.Equal("qualify", first[0].StageCode);
    }
}
