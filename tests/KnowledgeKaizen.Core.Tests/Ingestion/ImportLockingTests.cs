using Microsoft.Data.Sqlite;

namespace KnowledgeKaizen.Core.Tests.Ingestion;

/// <summary>
/// An import never keeps other writers out for long: reading stages rows beside the database, and applying commits in
/// batches with the lock free in between. Shown on a database file (as the portal runs it) with a second connection
/// that writes while the import is held at a progress report — with a one-second timeout, so a lock held across the
/// report would fail the write.
/// </summary>
public sealed class ImportLockingTests : IDisposable
{
    private const string Header = "external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n";
    private readonly TempFolder folder = new("import-locking");
    private readonly DbContextOptions<KnowledgeKaizenDbContext> options;

    public ImportLockingTests()
    {
        options = new DbContextOptionsBuilder<KnowledgeKaizenDbContext>().UseSqlite($"Data Source={folder.File("kk.db")}").Options;
        using var db = new KnowledgeKaizenDbContext(options);
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode = WAL;");
        foreach (var (kind, csv) in new[]
        {
            (ImportKind.Stages, IngestionTestDb.Stages), (ImportKind.Reps, IngestionTestDb.Reps),
            (ImportKind.Customers, IngestionTestDb.Customers), (ImportKind.Opportunities, IngestionTestDb.Opportunities),
        })
        {
            Assert.True(Run(kind, csv, null).GetAwaiter().GetResult().Applied);
        }
    }

    [Fact]
    public async Task WhileReading_AnotherConnectionWrites_AndNothingOfTheImportIsVisible()
    {
        var wrote = new List<long>();
        var report = await Run(ImportKind.StageHistory, History(10_000), async (phase, _, rows) =>
        {
            if (phase == ImportPhase.Reading && rows < 10_000)
            {
                wrote.Add(await WriteElsewhereAsync($"while reading {rows}"));
            }
        });

        Assert.True(report.Applied);
        Assert.NotEmpty(wrote);
        Assert.All(wrote, visibleRows => Assert.Equal(0, visibleRows));
    }

    [Fact]
    public async Task BetweenApplyBatches_AnotherConnectionWrites_AndSeesWholeBatchesOnly()
    {
        var seen = new List<(long Applied, long Visible)>();
        var report = await Run(ImportKind.StageHistory, History(10_000), async (phase, _, rows) =>
        {
            if (phase == ImportPhase.Applying && rows < 10_000)
            {
                seen.Add((rows, await WriteElsewhereAsync($"after {rows} applied")));
            }
        });

        Assert.True(report.Applied);
        Assert.Equal(10_000, report.Inserted);
        Assert.NotEmpty(seen);
        Assert.Equal(ImportPipeline.FirstBatchRows, seen[0].Applied);
        Assert.All(seen, s => Assert.Equal(s.Applied, s.Visible));
        Assert.Equal(seen.Count, Scalar("SELECT COUNT(*) FROM Imports WHERE FileName LIKE 'after %'"));
    }

    private static string History(int rows) =>
        Header + string.Concat(Enumerable.Range(0, rows).Select(i => $"h{i},o{1 + (i % 2)},qualify,r1,2024-01-10,2024-01-12,advanced\n"));

    private async Task<ImportReport> Run(ImportKind kind, string csv, Func<ImportPhase, double, long, Task>? progress)
    {
        await using var db = new KnowledgeKaizenDbContext(options);
        return await new ImportPipeline(db).RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportRequest(kind, ImportFormat.Csv), progress);
    }

    /// <summary>A write on a connection of its own that gives up after a second; returns the stage-history rows it saw.</summary>
    private async Task<long> WriteElsewhereAsync(string name)
    {
        await using var connection = new SqliteConnection($"Data Source={folder.File("kk.db")};Pooling=False;Default Timeout=1");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var write = connection.CreateCommand();
        write.CommandText = """
            INSERT INTO Imports (Id, Kind, Format, Mode, DryRun, Source, FileName, FileBytes, CreatedAt, Status, Rows, Inserted, Updated, Unchanged, Rejected, TotalProblems)
            VALUES ($id, 'Feedback', 'Csv', 'AllOrNothing', 0, 'Api', $name, 0, 0, 'Queued', 0, 0, 0, 0, 0, 0);
            SELECT COUNT(*) FROM StageHistory;
            """;
        write.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
        write.Parameters.AddWithValue("$name", name);
        var visible = (long)(await write.ExecuteScalarAsync())!;
        await transaction.CommitAsync();
        return visible;
    }

    /// <summary>
    /// A batch that took 40 ms is the right size while nobody waits (target 50 ms) and twice too long while saves queue
    /// behind it (target 25 ms): those wait for the rest of each batch, so under load the import takes smaller steps.
    /// </summary>
    [Theory]
    [InlineData(40, false, 8000)]
    [InlineData(40, true, 8000)]
    [InlineData(60, false, 8000)]
    [InlineData(60, true, 4000)]
    [InlineData(20, false, 16000)]
    [InlineData(20, true, 8000)]
    [InlineData(5, true, 16000)]
    [InlineData(500, true, 4000)]
    public void NextBatch_AimsAtAShorterHoldOfTheLock_WhileOthersWaitForIt(int milliseconds, bool othersWait, int expected) =>
        Assert.Equal(expected, ImportPipeline.NextBatchRows(8000, TimeSpan.FromMilliseconds(milliseconds), othersWait));

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={folder.File("kk.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => folder.Dispose();
}
