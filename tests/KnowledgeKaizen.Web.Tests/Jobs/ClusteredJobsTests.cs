using KnowledgeKaizen.Core.Jobs;

namespace KnowledgeKaizen.Web.Tests.Jobs;

/// <summary>
/// Jobs across instances (PostgreSQL, Quartz's clustered store): two instances of the portal on one database share one
/// queue, run each job once, queue at most one of a kind however they race, and fire a scheduled check once per interval.
/// </summary>
public sealed class ClusteredJobsTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task TwentyJobs_QueuedThroughBothInstances_EachRunExactlyOnce()
    {
        var queued = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? cluster.A : cluster.B).EnqueueAsync(q => q.EnqueueAsync(CountedJob.JobKind, null, "test"))));
        var ids = queued.Select(j => j.Id).ToList();

        var finished = await Eventually.ThatAsync("the 20 jobs to finish", () => cluster.A.WithDbAsync(db =>
            db.BackgroundJobs.AsNoTracking().Where(j => ids.Contains(j.Id) && (j.Status == JobStatus.Succeeded || j.Status == JobStatus.Failed)).ToListAsync()),
            done => done.Count == ids.Count, describe: done => $"{done.Count} finished");

        Assert.All(finished, j => Assert.Equal(JobStatus.Succeeded, j.Status));
        Assert.All(ids, id => Assert.Single(cluster.Recorder.Runs[id]));
    }

    [Fact]
    public async Task EnqueueOnce_FromBothInstancesAtOnce_QueuesOneJob()
    {
        for (var round = 0; round < 5; round++)
        {
            cluster.Recorder.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var both = await Task.WhenAll(
                cluster.A.EnqueueAsync(q => q.EnqueueOnceAsync(GatedJob.JobKind, null, "A")),
                cluster.B.EnqueueAsync(q => q.EnqueueOnceAsync(GatedJob.JobKind, null, "B")));

            Assert.Equal(both[0].Id, both[1].Id);
            Assert.Equal(1, await cluster.A.WithDbAsync(db => db.BackgroundJobs.CountAsync(j => j.Kind == GatedJob.JobKind && j.Status != JobStatus.Succeeded)));
            cluster.Recorder.Gate.SetResult();
            await Eventually.TrueAsync($"round {round}'s job to finish", () => cluster.B.WithDbAsync(db =>
                db.BackgroundJobs.AnyAsync(j => j.Id == both[0].Id && j.Status == JobStatus.Succeeded)));
        }
    }

    [Fact]
    public async Task Sweep_SchedulesAQueuedRowWithoutItsQuartzJob_AndFailsARunningRowNothingRuns()
    {
        // As an instance that died between committing the row and scheduling it, and a run nothing will recover, leave them.
        var orphan = new BackgroundJob(CountedJob.JobKind, null, "test", DateTimeOffset.UtcNow);
        var stranded = new BackgroundJob(CountedJob.JobKind, null, "test", DateTimeOffset.UtcNow);
        stranded.Start(DateTimeOffset.UtcNow);
        await cluster.A.WithDbAsync(db =>
        {
            db.BackgroundJobs.AddRange(orphan, stranded);
            return db.SaveChangesAsync();
        });

        var finished = await Eventually.ThatAsync("the sweep to settle both rows", () => cluster.B.WithDbAsync(db =>
                db.BackgroundJobs.AsNoTracking().Where(j => (j.Id == orphan.Id || j.Id == stranded.Id) && j.FinishedAt != null).ToListAsync()),
            rows => rows.Count == 2, describe: rows => $"{rows.Count} finished");

        Assert.Equal(JobStatus.Succeeded, finished.Single(j => j.Id == orphan.Id).Status);
        Assert.Single(cluster.Recorder.Runs[orphan.Id]);
        var failed = finished.Single(j => j.Id == stranded.Id);
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Contains("Interrupted", failed.Message, StringComparison.Ordinal);
        Assert.False(cluster.Recorder.Runs.ContainsKey(stranded.Id));
    }

    [Fact]
    public async Task PeriodicCheck_DeclaredByBothInstances_FiresOncePerInterval()
    {
        var ticks = await Eventually.ThatAsync("the check to run eight times", () => Task.FromResult(cluster.Recorder.Ticks.ToArray()),
            runs => runs.Length >= 8, describe: runs => $"{runs.Length} runs");

        // One trigger in the clustered store: at most one run per interval (plus the first). Each instance firing its own
        // would run it twice as often.
        var span = ticks.Max() - ticks.Min();
        Assert.True(ticks.Length <= (span / ClusterRecorder.TickEvery) + 2, $"{ticks.Length} runs in {span.TotalSeconds:0.0} s: {string.Join(", ", ticks.Select(t => t.ToString("ss.fff", System.Globalization.CultureInfo.InvariantCulture)))}");
    }
}
