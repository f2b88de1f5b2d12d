using System.Threading.Channels;
using KnowledgeKaizen.Core.Data;

namespace KnowledgeKaizen.Core.Jobs;

/// <summary>Queues background jobs: the row is the record, the channel only wakes the worker.</summary>
public sealed class JobQueue
{
    private readonly Channel<Guid> channel = Channel.CreateUnbounded<Guid>();

    internal ChannelReader<Guid> Reader => channel.Reader;

    public async Task<BackgroundJob> EnqueueAsync(KnowledgeKaizenDbContext db, string kind, string? payload,
        string? requestedBy, CancellationToken cancellationToken = default)
    {
        var job = new BackgroundJob(kind, payload, requestedBy);
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        Wake(job.Id);
        return job;
    }

    internal void Wake(Guid jobId) => channel.Writer.TryWrite(jobId);
}
