namespace KnowledgeKaizen.Core.Tests.Ingestion;

/// <summary>The history entry tells the truth at every step and raises <see cref="ImportFinished"/> exactly once, with the outcome.</summary>
public sealed class ImportRecordTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static ImportRecord Record(bool dryRun = false) => new(Guid.NewGuid(), ImportKind.StageHistory, ImportFormat.Csv, ImportMode.AllOrNothing,
        dryRun, ImportSource.Api, "history.csv", "imports/x.csv", 10, "token:crm", At);

    private static ImportReport Passed(long rows, long rejected = 0) =>
        new() { Kind = ImportKind.StageHistory, Mode = ImportMode.AllOrNothing, Rows = rows, Rejected = rejected, Applied = true };

    [Fact]
    public void AppliedImport_CountsEachBatch_AndEndsWithTheirSum()
    {
        var record = Record();
        record.Start();
        record.BeginApply(Passed(2500));
        record.AddApplied(1000, 0, 0);
        record.AddApplied(700, 300, 0);
        Assert.Equal(ImportStatus.Applying, record.Status);
        Assert.False(record.IsFinished);
        Assert.Equal(2000, record.AppliedRows);
        Assert.Empty(record.TakeEvents());

        record.AddApplied(0, 100, 400);
        record.Complete(Passed(2500), At);

        Assert.Equal(ImportStatus.Succeeded, record.Status);
        Assert.Equal((1700, 400, 400), (record.Report!.Inserted, record.Report.Updated, record.Report.Unchanged));
        var finished = Assert.IsType<ImportFinished>(Assert.Single(record.TakeEvents()));
        Assert.Equal((ImportStatus.Succeeded, "token:crm", 2500L, 1700L, 400L, 400L), (finished.Outcome, finished.RequestedBy, finished.Rows,
            finished.Inserted, finished.Updated, finished.Unchanged));
        Assert.Empty(record.TakeEvents());
    }

    [Fact]
    public void ImportWithAppliedRows_CannotBeMarkedFailed()
    {
        var record = Record();
        record.Start();
        record.BeginApply(Passed(2));
        record.AddApplied(1, 0, 0);

        Assert.Throws<InvalidOperationException>(() => record.Fail("crash", At));
        record.PauseApply("Stopped after 1 of 2 rows");
        Assert.Equal((ImportStatus.Applying, "Stopped after 1 of 2 rows"), (record.Status, record.Message));
    }

    [Fact]
    public void InterruptedBeforeApplying_FailsWithNothingApplied_AndSaysSo()
    {
        var record = Record();
        record.Start();

        record.Fail("Interrupted while reading the file; nothing was applied.", At);

        var finished = Assert.IsType<ImportFinished>(Assert.Single(record.TakeEvents()));
        Assert.Equal((ImportStatus.Failed, 0L), (finished.Outcome, finished.Inserted));
        Assert.Contains("nothing was applied", finished.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_IsFinishedWithWhatItWouldDo()
    {
        var record = Record(dryRun: true);
        record.Start();

        record.Complete(new ImportReport { Kind = ImportKind.StageHistory, Mode = ImportMode.AllOrNothing, DryRun = true, Rows = 3, Inserted = 2, Unchanged = 1 }, At);

        Assert.Equal((ImportStatus.Previewed, 2L, 1L), (record.Status, record.Inserted, record.Unchanged));
        Assert.Equal(ImportStatus.Previewed, Assert.IsType<ImportFinished>(Assert.Single(record.TakeEvents())).Outcome);
    }

    [Fact]
    public void OnlyARunningImportThatPassed_BeginsToApply()
    {
        Assert.Throws<InvalidOperationException>(() => Record().BeginApply(Passed(1)));
        var running = Record();
        running.Start();
        Assert.Throws<InvalidOperationException>(() => running.BeginApply(new ImportReport { Kind = ImportKind.StageHistory, Mode = ImportMode.AllOrNothing, Rows = 1 }));
    }
}
