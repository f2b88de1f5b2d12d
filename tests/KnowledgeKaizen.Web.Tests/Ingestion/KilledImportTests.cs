using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;
using static KnowledgeKaizen.Web.Tests.Ingestion.KilledImportTemplates;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>
/// The real thing: an import in a process of its own is killed with SIGKILL at each of its phases — held there by the
/// crash-test setting <c>KnowledgeKaizen:Imports:HoldAt</c>, which writes a marker file when the phase is reached — and
/// the app is started again on the same installation, on SQLite and on PostgreSQL. Whatever the phase, the history then
/// matches the rows: an import recorded as failed left none of its rows, one recorded as succeeded left every row with
/// the counts it reports; no staged rows, temporary tables or unrecorded files are left, the database is sound, and the
/// next import works.
/// </summary>
public sealed class KilledImportTests(KilledImportTemplates templates) : IClassFixture<KilledImportTemplates>, IAsyncLifetime
{
    /// <summary>Three apply batches at least on SQLite (the first has <see cref="ImportPipeline.FirstBatchRows"/>).</summary>
    private const int Rows = 3000;

    private static readonly DateTime Earlier11 = new(2024, 1, 11, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Killed12 = new(2024, 1, 12, 0, 0, 0, DateTimeKind.Utc);

    private ImportInstall? install;

    private ImportInstall Install => install ?? throw new InvalidOperationException("No installation yet.");

    private string Marker => Install.Folder.File("held");

    /// <summary>
    /// Per database and phase, what the history says after the restart. Applying: on SQLite the apply goes in batches and,
    /// once begun, is finished by the next start; on PostgreSQL it is one transaction, which the kill rolled back.
    /// </summary>
    public static TheoryData<DatabaseProvider, ImportPhase, ImportStatus> Kills => new()
    {
        { DatabaseProvider.Sqlite, ImportPhase.Received, ImportStatus.Failed },
        { DatabaseProvider.Sqlite, ImportPhase.Reading, ImportStatus.Failed },
        { DatabaseProvider.Sqlite, ImportPhase.Applying, ImportStatus.Succeeded },
        { DatabaseProvider.Sqlite, ImportPhase.Applied, ImportStatus.Succeeded },
        { DatabaseProvider.PostgreSql, ImportPhase.Received, ImportStatus.Failed },
        { DatabaseProvider.PostgreSql, ImportPhase.Reading, ImportStatus.Failed },
        { DatabaseProvider.PostgreSql, ImportPhase.Applying, ImportStatus.Failed },
        { DatabaseProvider.PostgreSql, ImportPhase.Applied, ImportStatus.Succeeded },
    };

    [Theory]
    [MemberData(nameof(Kills))]
    public async Task CommandLineImportKilledAtEachPhase_AfterTheRestart_TheHistoryMatchesTheRows(DatabaseProvider provider, ImportPhase phase, ImportStatus outcome)
    {
        install = await templates.CopyAsync(provider);
        var file = await WriteHistoryAsync("history.csv", Rows, "2024-01-12");

        await using (var import = PortalProcess.Run(PortalProcess.WebAssembly, ["import", "stage-history", file], Held(phase)))
        {
            await WaitForMarkerAsync(import, phase);
            await import.KillAsync();
        }

        // Before any restart the record is already true to the rows.
        await Install.AssertNothingLeftAsync();
        await AssertStateAtKillAsync(phase);

        // The next start (here: the next command-line import) recovers; it imports a file of its own.
        await Install.CommandLineAsync(await WriteHistoryAsync("next.csv", 1, "2024-02-01", prefix: "n"));

        var record = await RecordAsync("history.csv");
        Assert.Equal(outcome, record.Status);
        if (outcome == ImportStatus.Succeeded)
        {
            Assert.Equal(((long)Rows - Earlier, (long)Earlier, 0L), (record.Inserted, record.Updated, record.Unchanged));
            Assert.Equal(Rows, await CountAsync(s => s.ExternalId.StartsWith("k") && s.LeftAt == Killed12));
        }
        else
        {
            Assert.Contains("nothing was applied", record.Message, StringComparison.Ordinal);
            Assert.Equal(Earlier, await CountAsync(s => s.ExternalId.StartsWith("k")));
            Assert.Equal(Earlier, await CountAsync(s => s.LeftAt == Earlier11));
        }

        Assert.Equal((ImportStatus.Succeeded, 1L), ((await RecordAsync("next.csv")).Status, await CountAsync(s => s.ExternalId == "n0")));
        Assert.Empty(Install.Staged);
        await Install.AssertNothingLeftAsync();
        await AssertEveryImportFileIsRecordedAsync();
    }

    [Fact]
    public async Task BackgroundImportKilledWhileApplying_IsFinishedByTheNextStart_AndItsJobSaysSo()
    {
        install = await templates.CopyAsync(DatabaseProvider.Sqlite);
        string token;
        using (var first = new ExistingFolderPortalFactory(Install.Data))
        {
            using var scope = first.Services.CreateScope();
            token = await scope.ServiceProvider.GetRequiredService<ApiTokenAdministration>().CreateAsync("crm", "tests", CancellationToken.None);
        }

        Install.ReleaseConnections();
        string jobUrl;
        await using (var portal = await PortalProcess.ServeAsync(PortalProcess.WebAssembly, Install.Data, Held(ImportPhase.Applying)))
        {
            using var client = portal.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var csv = await File.ReadAllTextAsync(await WriteHistoryAsync("history.csv", Rows, "2024-01-12"));
            var accepted = await client.PostAsync("/api/v1/imports/stage-history?background=true", new StringContent(csv, Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            jobUrl = accepted.Headers.Location!.OriginalString;
            await WaitForMarkerAsync(portal, ImportPhase.Applying);
            await portal.KillAsync();
        }

        var killed = await RecordAsync(ApiUpload);
        Assert.Equal((ImportStatus.Applying, (long)ImportPipeline.FirstBatchRows - Earlier, (long)Earlier, 0L), (killed.Status, killed.Inserted, killed.Updated, killed.Unchanged));
        Assert.Equal("Running", await Install.ReadAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT Status AS Value FROM BackgroundJobs WHERE Kind = 'import' ORDER BY QueuedAt DESC LIMIT 1").SingleAsync()));

        Install.ReleaseConnections();
        using var restarted = new ExistingFolderPortalFactory(Install.Data);
        var job = await JsonAsync(await TokenClient(restarted, token).GetAsync(jobUrl));

        Assert.Equal(("Succeeded", "Succeeded"), (job.GetProperty("status").GetString(), job.GetProperty("importStatus").GetString()));
        var finished = await RecordAsync(ApiUpload);
        Assert.Equal((ImportStatus.Succeeded, (long)Rows - Earlier, (long)Earlier, 0L), (finished.Status, finished.Inserted, finished.Updated, finished.Unchanged));
        Assert.Equal(Rows, await CountAsync(s => s.ExternalId.StartsWith("k") && s.LeftAt == Killed12));
        Assert.Empty(Install.Staged);
    }

    /// <summary>What the installation holds right after the kill, before anything restarted.</summary>
    private async Task AssertStateAtKillAsync(ImportPhase phase)
    {
        var record = await RecordAsync("history.csv");
        var rows = await CountAsync(s => s.ExternalId.StartsWith("k"));
        var batches = Install.Provider == DatabaseProvider.Sqlite;
        switch (phase)
        {
            case ImportPhase.Received:
                Assert.Equal((ImportStatus.Queued, (long)Earlier), (record.Status, rows));
                break;
            case ImportPhase.Reading:
                Assert.Equal((ImportStatus.Running, (long)Earlier), (record.Status, rows));
                break;
            case ImportPhase.Applying when batches:
                // The first batch (file rows 1 to 1,000) committed with its counts: the 500 earlier keys updated, 500 new.
                Assert.Equal((ImportStatus.Applying, (long)ImportPipeline.FirstBatchRows - Earlier, (long)Earlier), (record.Status, record.Inserted, record.Updated));
                Assert.Equal(ImportPipeline.FirstBatchRows, rows);
                break;
            case ImportPhase.Applying:
                // The decision committed; the one apply transaction, rows and counts, did not.
                Assert.Equal((ImportStatus.Applying, 0L, 0L, (long)Earlier), (record.Status, record.Inserted, record.Updated, rows));
                Assert.Equal(Earlier, await CountAsync(s => s.LeftAt == Earlier11));
                break;
            default:
                Assert.Equal((ImportStatus.Succeeded, (long)Rows - Earlier, (long)Earlier, (long)Rows), (record.Status, record.Inserted, record.Updated, rows));
                Assert.Equal(batches, Install.Staged.Any(f => f.EndsWith(".db", StringComparison.Ordinal)));
                break;
        }
    }

    /// <summary>Every file kept in the imports folder belongs to an import in the history (a killed import's file is kept with it).</summary>
    private async Task AssertEveryImportFileIsRecordedAsync()
    {
        var recorded = await Install.ReadAsync(db => db.Imports.Where(r => r.StoredFile != null).Select(r => r.StoredFile!).ToListAsync());
        var kept = await Install.StoredImportFilesAsync();
        Assert.Subset(recorded.ToHashSet(StringComparer.Ordinal), kept.ToHashSet(StringComparer.Ordinal));
        Assert.Contains((await RecordAsync("history.csv")).StoredFile, kept);
    }

    private Dictionary<string, string?> Held(ImportPhase phase) => new(Install.Settings)
    {
        ["KnowledgeKaizen:LoadDemoData"] = "false",
        ["KnowledgeKaizen:ContentPath"] = RepoPaths.Content,
        ["KnowledgeKaizen:AdminEmail"] = PortalFactory.AdminEmail,
        ["KnowledgeKaizen:Backups:DailyAt"] = string.Empty,
        ["KnowledgeKaizen:Imports:HoldAt"] = phase.ToString(),
        ["KnowledgeKaizen:Imports:HoldMarker"] = Marker,
    };

    private async Task WaitForMarkerAsync(PortalProcess process, ImportPhase phase) =>
        await Eventually.TrueAsync($"the import to reach {phase} and write {Marker}", () =>
            File.Exists(Marker) ? true : process.HasExited ? throw new InvalidOperationException("The import process ended first:\n" + process.Output) : false);

    private async Task<string> WriteHistoryAsync(string name, int rows, string leftAt, string prefix = "k")
    {
        var file = Install.Folder.File(name);
        await File.WriteAllTextAsync(file, ImportInstall.CsvOf(rows, leftAt, prefix));
        return file;
    }

    /// <summary>The file name the API gives a file sent as the request body.</summary>
    private const string ApiUpload = "stage-history.csv";

    private async Task<ImportRecord> RecordAsync(string fileName) =>
        Assert.Single(await Install.ReadAsync(db => db.Imports.AsNoTracking().Where(r => r.FileName == fileName).ToListAsync()));

    private Task<long> CountAsync(System.Linq.Expressions.Expression<Func<Core.Crm.StageHistoryEntry, bool>> rows) =>
        Install.ReadAsync(db => db.StageHistory.LongCountAsync(rows));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        install?.Dispose();
        return Task.CompletedTask;
    }
}
