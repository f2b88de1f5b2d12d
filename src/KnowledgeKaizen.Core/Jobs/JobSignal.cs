using System.Threading.Channels;

namespace KnowledgeKaizen.Core.Jobs;

/// <summary>Wakes the in-process worker when a job is queued; the database row, not the signal, is the record.</summary>
internal sealed class JobSignal
{
    private readonly Channel<Guid> channel = Channel.CreateUnbounded<Guid>();

    public ChannelReader<Guid> Reader => channel.Reader;

    public void Wake(Guid jobId) => channel.Writer.TryWrite(jobId);
}
