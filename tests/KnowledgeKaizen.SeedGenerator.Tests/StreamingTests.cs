using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Abstractions;

namespace KnowledgeKaizen.SeedGenerator.Tests;

/// <summary>Measures the process heap, so it runs alone: other test classes allocating in parallel would be counted too.</summary>
[Collection(nameof(HeapMeasurement))]
public class StreamingTests(ITestOutputHelper output)
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
    public void WritingStageHistory_StreamsRowsIncrementally()
    {
        const long rows = 200_000;
        long produced = 0;
        var sink = new ObservingStream(() => produced);
        using var writer = new StreamWriter(sink, new UTF8Encoding(false), 1 << 14);

        var written = DemoDataGenerator.WriteStageHistory(writer, rows, progress: n => produced = n);

        Assert.Equal(rows, written);
        Assert.InRange(sink.RowsAtFirstWrite, 0, rows / 100);
        Assert.True(sink.Writes > 100, $"only {sink.Writes} writes reached the sink");
    }

    /// <summary>
    /// Flat memory without a fixed megabyte bound: the heap retained after four times as many rows is no larger
    /// than after one batch, give or take a margin far below what keeping even a few bytes per row would add.
    /// The baseline is taken after the first rows, when the generator's fixed state (reps, customers) exists.
    /// </summary>
    [Fact]
    public void WritingStageHistory_RetainsNothingPerRow()
    {
        const long warmUp = 10_000, batch = 50_000;
        const long margin = 2 * 1024 * 1024;
        var retained = new Dictionary<long, long>();
        using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 14);

        DemoDataGenerator.WriteStageHistory(writer, warmUp + (4 * batch), progress: n =>
        {
            if (n is warmUp or warmUp + batch or warmUp + (4 * batch))
            {
                retained[n] = GC.GetTotalMemory(forceFullCollection: true);
            }
        });

        var afterOne = retained[warmUp + batch] - retained[warmUp];
        var afterFour = retained[warmUp + (4 * batch)] - retained[warmUp];
        output.WriteLine($"retained heap growth: {afterOne / 1024} KB after {batch} rows, {afterFour / 1024} KB after {4 * batch}");
        Assert.True(afterFour < Math.Max(afterOne, 0) + margin,
            $"retained heap grew by {afterOne / 1024} KB over {batch} rows but {afterFour / 1024} KB over {4 * batch}: something is kept per row");
    }

    /// <summary>The rows a reader has moved past are garbage: the generator keeps no reference to them.</summary>
    [Fact]
    public void StageEntries_AreReleased_OnceTheReaderMovesOn()
    {
        var generator = new DemoDataGenerator(new DemoDataOptions { Opportunities = 200_000 });
        using var entries = generator.StreamStageEntries().GetEnumerator();

        var early = ReadAndTrack(entries, tracked: 1_000, readOn: 20_000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(0, early.Count(w => w.IsAlive));
        Assert.NotNull(entries.Current);
    }

    /// <summary>Reads <paramref name="readOn"/> entries and returns weak references to the first ones (no strong reference outlives this call).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> ReadAndTrack(IEnumerator<object> entries, int tracked, int readOn)
    {
        var early = new List<WeakReference>(tracked);
        for (var i = 0; i < readOn; i++)
        {
            Assert.True(entries.MoveNext());
            if (i < tracked)
            {
                early.Add(new WeakReference(entries.Current));
            }
        }

        return early;
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

/// <summary>Tests that read the process heap: xUnit runs this collection after the parallel ones, alone.</summary>
[CollectionDefinition(nameof(HeapMeasurement), DisableParallelization = true)]
public sealed class HeapMeasurement;
