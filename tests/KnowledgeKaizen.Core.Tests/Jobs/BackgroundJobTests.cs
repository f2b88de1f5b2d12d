namespace KnowledgeKaizen.Core.Tests.Jobs;

public sealed class BackgroundJobTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewJob_IsQueued_WithNoProgress()
    {
        var job = new BackgroundJob("import", "{}", "user-1", At);
        Assert.Equal(JobStatus.Queued, job.Status);
        Assert.Equal(0, job.Progress);
        Assert.False(job.IsFinished);
    }

    [Fact]
    public void Start_Twice_IsRejected()
    {
        var job = new BackgroundJob("import", null, null, At);
        job.Start(At);
        Assert.Throws<InvalidOperationException>(() => job.Start(At));
    }

    [Fact]
    public void Progress_IsClampedBetweenZeroAndOne()
    {
        var job = new BackgroundJob("import", null, null, At);
        job.Start(At);
        job.ReportProgress(1.7, "almost");
        Assert.Equal(1, job.Progress);
        job.ReportProgress(-3, "back");
        Assert.Equal(0, job.Progress);
    }

    [Fact]
    public void Succeed_CompletesProgress_AndKeepsTheResult()
    {
        var job = new BackgroundJob("import", null, null, At);
        job.Start(At);
        job.Succeed("{\"rows\":3}", At.AddMinutes(1));
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, job.Progress);
        Assert.Equal("{\"rows\":3}", job.Result);
        Assert.NotNull(job.FinishedAt);
    }

    [Fact]
    public void Fail_KeepsTheReason()
    {
        var job = new BackgroundJob("import", null, null, At);
        job.Start(At);
        job.Fail("disk full", At.AddMinutes(1));
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("disk full", job.Message);
        Assert.True(job.IsFinished);
    }
}
