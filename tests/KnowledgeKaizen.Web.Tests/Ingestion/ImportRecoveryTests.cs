using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Jobs;
using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>
/// What the start-up recovery and the daily clean-up do with what imports leave behind: an apply stopped by an error is
/// finished by the next start; partial files, staged rows and files without a history entry are removed; import files
/// are kept for the configured days, then deleted while their history stays.
/// </summary>
public sealed class ImportRecoveryTests(ImportRecoveryTests.ClockFactory factory) : IClassFixture<ImportRecoveryTests.ClockFactory>
{
    /// <summary>A portal whose clock the tests move (import files are aged by it).</summary>
    public sealed class ClockFactory : PortalFactory
    {
        public ManualClock Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

        protected override TimeProvider? Clock => Time;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["KnowledgeKaizen:Imports:KeepFilesDays"] = "10" };
    }

    [Fact]
    public async Task ApplyStoppedByAnError_StaysApplyingWithItsCounts_AndTheNextStartFinishesIt()
    {
        await LoadBasicsAsync(TokenClient(factory, await CreateTokenAsync(factory)));
        Execute("CREATE TRIGGER fail_on_e1500 BEFORE INSERT ON StageHistory WHEN NEW.ExternalId = 'e1500' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        Guid id;
        using (var scope = factory.Services.CreateScope())
        {
            var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
            var record = await imports.ReceiveAsync(new MemoryStream(Encoding.UTF8.GetBytes(History("e", 3000))), "history.csv", ImportKind.StageHistory,
                ImportMode.AllOrNothing, false, ImportSource.Api, "tests", long.MaxValue);
            id = record.Id;
            var failure = await Assert.ThrowsAsync<SqliteException>(() => imports.RunAsync(id));
            Assert.Contains("disk full", failure.Message, StringComparison.Ordinal);
        }

        // The batches before the failing row (row 1,501) committed with their counts; the failing one left nothing.
        var stopped = await factory.WithDbAsync(db => db.Imports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(ImportStatus.Applying, stopped.Status);
        Assert.InRange(stopped.AppliedRows, ImportPipeline.FirstBatchRows, 1500);
        Assert.Equal(stopped.AppliedRows, stopped.Inserted);
        Assert.Contains("disk full", stopped.Message, StringComparison.Ordinal);
        Assert.Equal(stopped.AppliedRows, await factory.WithDbAsync(db => db.StageHistory.LongCountAsync(h => h.ExternalId.StartsWith("e"))));

        Execute("DROP TRIGGER fail_on_e1500;");
        await RunStartupTaskAsync(StartupOrder.ImportRecovery);

        var finished = await factory.WithDbAsync(db => db.Imports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((ImportStatus.Succeeded, 3000L, 0L), (finished.Status, finished.Inserted, finished.Updated));
        Assert.Equal(3000, await factory.WithDbAsync(db => db.StageHistory.CountAsync(h => h.ExternalId.StartsWith("e"))));
        Assert.False(File.Exists(Path.Combine(factory.DataPath, "staging", $"{id:N}.db")));
    }

    [Fact]
    public async Task AtStart_PartialFilesAndFilesWithoutAHistoryEntry_AreRemoved_TheOthersKept()
    {
        var partial = Path.Combine(factory.DataPath, "uploads", "knowledge", $".diagram.png.{Guid.NewGuid():N}.tmp");
        var orphan = Path.Combine(factory.DataPath, "imports", $"20260302090000-{Guid.NewGuid():N}.csv");
        var staged = Path.Combine(factory.DataPath, "staging", $"{Guid.NewGuid():N}.db");
        var kept = await ReceiveAsync("kept.csv");
        foreach (var path in new[] { partial, orphan, staged })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, "left by a crash");
        }

        await using (new FileStream(Path.Combine(factory.DataPath, "imports", $".busy.csv.{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await RunStartupTaskAsync(StartupOrder.UnfinishedWrites);
            await RunStartupTaskAsync(StartupOrder.ImportRecovery);
            Assert.Single(Directory.EnumerateFiles(Path.Combine(factory.DataPath, "imports"), ".busy.csv.*.tmp"));
        }

        Assert.False(File.Exists(partial));
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(staged));
        Assert.True(File.Exists(Path.Combine(factory.DataPath, kept.StoredFile!)));
    }

    [Fact]
    public async Task ImportFiles_AreKeptTheConfiguredDays_ThenDeleted_WhileTheirHistoryStays()
    {
        var old = await ReceiveAsync("old.csv");
        factory.Time.Now += TimeSpan.FromDays(6);
        var recent = await ReceiveAsync("recent.csv");
        factory.Time.Now += TimeSpan.FromDays(5);

        using (var scope = factory.Services.CreateScope())
        {
            var job = new BackgroundJob("import-files-cleanup", null, "tests", factory.Time.Now);
            var cleanup = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == job.Kind);
            await cleanup.RunAsync(job, new NoProgress(), CancellationToken.None);
        }

        using var check = factory.Services.CreateScope();
        var imports = check.ServiceProvider.GetRequiredService<ImportService>();
        Assert.False(await imports.HasFileAsync((await imports.FindAsync(old.Id))!));
        Assert.True(await imports.HasFileAsync((await imports.FindAsync(recent.Id))!));
        Assert.Equal("old.csv", (await imports.FindAsync(old.Id))!.FileName);
    }

    private async Task<ImportRecord> ReceiveAsync(string name)
    {
        using var scope = factory.Services.CreateScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
        var record = await imports.ReceiveAsync(new MemoryStream(Encoding.UTF8.GetBytes(Stages)), name, ImportKind.Stages, ImportMode.AllOrNothing,
            true, ImportSource.Upload, "tests", long.MaxValue);
        await imports.RunAsync(record.Id);
        return record;
    }

    private async Task RunStartupTaskAsync(int order)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetServices<IStartupTask>().Single(t => t.Order == order).RunAsync(CancellationToken.None);
    }

    private static string History(string prefix, int rows) =>
        StageHeader + string.Concat(Enumerable.Range(0, rows).Select(i => $"{prefix}{i},o1,qualify,r1,2024-01-10,2024-01-12,advanced\n"));

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataPath, "knowledgekaizen.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class NoProgress : IJobProgress
    {
        public Task ReportAsync(double fraction, string? message, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
