using KnowledgeKaizen.Core.Jobs;

namespace KnowledgeKaizen.Core.Tests.Jobs;

public sealed class BackgroundJobTests
{
    [Fact]
    public void NewJob_IsQueued_WithNoProgress()
    {
        var job = new BackgroundJob("import", "{}", "user-1");
        Assert.Equal(JobStatus.Queued, job.Status);
        Assert.Equal(0, job.Progress);
        Assert.False(job.IsFinished);
    }

    [Fact]
    public void Start_Twice_IsRejected()
    {
        var job = new BackgroundJob("import", null, null);
        job.Start();
        Assert.Throws<InvalidOperationException>(job.Start);
    }

    [Fact]
    public void Progress_IsClampedBetweenZeroAndOne()
    {
        var job = new BackgroundJob("import", null, null);
        job.Start();
        job.ReportProgress(1.7, "almost");
        Assert.Equal(1, job.Progress);
        job.ReportProgress(-3, "back");
        Assert.Equal(0, job.Progress);
    }

    [Fact]
    public void Succeed_CompletesProgress_AndKeepsTheResult()
    {
        var job = new BackgroundJob("import", null, null);
        job.Start();
        job.Succeed("{\"rows\":3}");
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, job.Progress);
        Assert.Equal("{\"rows\":3}", job.Result);
        Assert.NotNull(job.FinishedAt);
    }

    [Fact]
    public void Fail_KeepsTheReason()
    {
        var job = new BackgroundJob("import", null, null);
        job.Start();
        job.Fail("disk full");
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("disk full", job.Message);
        Assert.True(job.IsFinished);
    }
}
