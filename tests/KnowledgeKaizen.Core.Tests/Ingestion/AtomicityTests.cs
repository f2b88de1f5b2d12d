namespace KnowledgeKaizen.Core.Tests.Ingestion;

/// <summary>
/// Reading a file writes nothing to the portal's tables: a crash, a database failure or a cancellation while reading
/// leaves the database exactly as it was. (What happens once the apply has begun: <c>ImportRecordTests</c> and the
/// kill tests of the web app.)
/// </summary>
public sealed class AtomicityTests : IDisposable
{
    private const string Header = "external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n";
    private readonly IngestionTestDb db = new();

    private static MemoryStream Rows(int count) => new(Encoding.UTF8.GetBytes(Header +
        string.Concat(Enumerable.Range(0, count).Select(i => $"h{i},o1,qualify,r1,2024-01-10,,open\n"))));

    [Fact]
    public async Task CrashWhileReading_LeavesNothingBehind_AndTheNextImportRuns()
    {
        using var context = db.NewContext();
        var pipeline = new ImportPipeline(context);

        await Assert.ThrowsAsync<IOException>(() => pipeline.RunAsync(Rows(10_000),
            new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv), (_, _, rows) => throw new IOException($"disk gone after {rows} rows")));

        Assert.Equal(0, db.Count("StageHistory"));
        Assert.Equal(0, db.Count("SearchOutbox"));
        Assert.True(db.Run(ImportKind.StageHistory, Header + "after,o1,qualify,r1,2024-01-10,,open\n").Applied);
        Assert.Equal(1, db.Count("StageHistory"));
    }

    [Fact]
    public async Task CancelledWhileReading_LeavesNothingBehind()
    {
        using var context = db.NewContext();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ImportPipeline(context).RunAsync(Rows(10_000),
            new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv), (_, _, _) => cancel.CancelAsync(), cancel.Token));

        Assert.Equal(0, db.Count("StageHistory"));
    }

    [Fact]
    public async Task DryRun_CountsWhatItWouldDo_AndKeepsNothing()
    {
        var report = await RunOverTwoRowsAsync(dryRun: true, string.Empty);

        Assert.False(report.Applied);
        Assert.Equal((1, 1, 1), (report.Inserted, report.Updated, report.Unchanged));
        AssertNothingKept();
    }

    [Fact]
    public async Task RejectedFile_SaysNothingWasWritten_AndKeepsNothing()
    {
        var report = await RunOverTwoRowsAsync(dryRun: false, "h4,o1,nowhere,r1,2024-01-10,,open\n");

        Assert.False(report.Applied);
        Assert.Equal((0, 0, 0, 1), (report.Inserted, report.Updated, report.Unchanged, report.Rejected));
        AssertNothingKept();
    }

    private async Task<ImportReport> RunOverTwoRowsAsync(bool dryRun, string extraRow)
    {
        db.Load(ImportKind.StageHistory, Header + "h1,o1,qualify,r1,2024-01-10,,open\nh2,o1,qualify,r1,2024-01-10,,open\n");
        using var context = db.NewContext();
        var file = Header + "h1,o1,qualify,r1,2024-01-10,,open\nh2,o1,qualify,r2,2024-01-10,,open\nh3,o1,qualify,r1,2024-01-10,,open\n" + extraRow;
        return await new ImportPipeline(context).RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)),
            new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv, DryRun: dryRun));
    }

    private void AssertNothingKept()
    {
        Assert.Equal(2, db.Count("StageHistory"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM StageHistory h JOIN Reps r ON r.Id = h.RepId WHERE r.ExternalId = 'r1' AND h.ExternalId = 'h2'"));
    }

    public void Dispose() => db.Dispose();
}
