using System.Text;
using KnowledgeKaizen.Core.Ingestion;

namespace KnowledgeKaizen.Core.Tests.Ingestion;

/// <summary>An import is one transaction: a crash part-way leaves the database exactly as it was.</summary>
public sealed class AtomicityTests : IDisposable
{
    private const string Header = "external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n";
    private readonly IngestionTestDb db = new();

    private static MemoryStream Rows(int count) => new(Encoding.UTF8.GetBytes(Header +
        string.Concat(Enumerable.Range(0, count).Select(i => $"h{i},o1,qualify,r1,2024-01-10,,open\n"))));

    [Fact]
    public async Task CrashMidImport_LeavesNothingBehind()
    {
        using var context = db.NewContext();
        var pipeline = new ImportPipeline(context);

        await Assert.ThrowsAsync<IOException>(() => pipeline.RunAsync(Rows(10_000),
            new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv), (_, rows) => throw new IOException($"disk gone after {rows} rows")));

        Assert.Equal(0, db.Count("StageHistory"));
    }

    [Fact]
    public async Task DatabaseFailureWhileWriting_LeavesNothingBehind()
    {
        db.Scalar("CREATE TRIGGER fail_on_h5000 BEFORE INSERT ON StageHistory WHEN NEW.ExternalId = 'h5000' BEGIN SELECT RAISE(ABORT, 'disk full'); END; SELECT 0;");
        using var context = db.NewContext();

        var failure = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => new ImportPipeline(context).RunAsync(Rows(10_000),
            new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv)));

        Assert.Contains("disk full", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, db.Count("StageHistory"));
    }

    [Fact]
    public async Task CancelledImport_LeavesNothingBehind()
    {
        using var context = db.NewContext();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ImportPipeline(context).RunAsync(Rows(10_000),
            new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv), (_, _) => cancel.CancelAsync(), cancel.Token));

        Assert.Equal(0, db.Count("StageHistory"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BulkLoad_RebuildsItsIndexes_WhetherCommittedOrRolledBack(bool dryRun)
    {
        using var context = db.NewContext();
        var pipeline = new ImportPipeline(context) { BulkThresholdBytes = 0 };

        var report = await pipeline.RunAsync(Rows(500), new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv, DryRun: dryRun));

        Assert.Equal(!dryRun, report.Applied);
        Assert.Equal(500, report.Inserted);
        Assert.Equal(2, db.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'StageHistory' AND sql IS NOT NULL"));
    }

    public void Dispose() => db.Dispose();
}
