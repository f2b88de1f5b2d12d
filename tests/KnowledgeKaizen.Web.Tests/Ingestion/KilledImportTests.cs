using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Testing;
using KnowledgeKaizen.Web.Ingestion;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>
/// The real thing: an import in a process of its own is killed with SIGKILL at each of its phases — held there by the
/// crash-test setting <c>KnowledgeKaizen:Imports:HoldAt</c>, which writes a marker file when the phase is reached — and
/// the app is started again on the same data folder. Whatever the phase, the history then matches the rows: an import
/// recorded as failed left none of its rows, one recorded as succeeded left every row with the counts it reports, no
/// staged rows or lock files are left, and the database passes integrity_check.
/// </summary>
public sealed class KilledImportTests(KilledImportTests.Template template) : IClassFixture<KilledImportTests.Template>, IDisposable
{
    /// <summary>Three apply batches at least (the first has <see cref="ImportPipeline.FirstBatchRows"/>).</summary>
    private const int Rows = 3000;

    /// <summary>Rows an earlier import left, with other values: the killed import updates them.</summary>
    private const int Earlier = 500;

    private readonly TempFolder folder = template.CopyTo(new TempFolder("killed-import"));

    private string Data => folder.File("data");

    private string Marker => folder.File("held");

    [Theory]
    [InlineData(ImportPhase.Received, ImportStatus.Failed)]
    [InlineData(ImportPhase.Reading, ImportStatus.Failed)]
    [InlineData(ImportPhase.Applying, ImportStatus.Succeeded)]
    [InlineData(ImportPhase.Applied, ImportStatus.Succeeded)]
    public async Task CommandLineImportKilledAtEachPhase_AfterTheRestart_TheHistoryMatchesTheRows(ImportPhase phase, ImportStatus outcome)
    {
        var file = await WriteHistoryAsync(folder, "history.csv", Rows, "2024-01-12");

        await using (var import = PortalProcess.Run(PortalProcess.WebAssembly, ["import", "stage-history", file], Held(phase)))
        {
            await WaitForMarkerAsync(import, phase);
            await import.KillAsync();
        }

        // Before any restart the record is already true to the rows.
        AssertStateAtKill(phase);

        // The next start (here: the next command-line import) recovers; it imports a file of its own.
        SqliteConnection.ClearAllPools();
        await CommandLineAsync(Data, await WriteHistoryAsync(folder, "next.csv", 1, "2024-02-01", prefix: "n"));

        var (status, inserted, updated, unchanged) = Record("history.csv");
        Assert.Equal(outcome, status);
        if (outcome == ImportStatus.Succeeded)
        {
            Assert.Equal(((long)Rows - Earlier, (long)Earlier, 0L), (inserted, updated, unchanged));
            Assert.Equal(Rows, Scalar("SELECT COUNT(*) FROM StageHistory WHERE ExternalId LIKE 'k%' AND LeftAt = '2024-01-12 00:00:00'"));
        }
        else
        {
            Assert.Contains("nothing was applied", Text("SELECT Message FROM Imports WHERE FileName = 'history.csv'"), StringComparison.Ordinal);
            Assert.Equal(Earlier, Scalar("SELECT COUNT(*) FROM StageHistory WHERE ExternalId LIKE 'k%'"));
            Assert.Equal(Earlier, Scalar("SELECT COUNT(*) FROM StageHistory WHERE LeftAt = '2024-01-11 00:00:00'"));
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Data, "staging")));
        Assert.Equal("ok", Text("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task BackgroundImportKilledWhileApplying_IsFinishedByTheNextStart_AndItsJobSaysSo()
    {
        string token;
        using (var first = new ExistingFolderPortalFactory(Data))
        {
            using var scope = first.Services.CreateScope();
            token = await scope.ServiceProvider.GetRequiredService<ApiTokenAdministration>().CreateAsync("crm", "tests", CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        string jobUrl;
        await using (var portal = await PortalProcess.ServeAsync(PortalProcess.WebAssembly, Data, Held(ImportPhase.Applying)))
        {
            using var client = portal.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var csv = await File.ReadAllTextAsync(await WriteHistoryAsync(folder, "history.csv", Rows, "2024-01-12"));
            var accepted = await client.PostAsync("/api/v1/imports/stage-history?background=true", new StringContent(csv, Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            jobUrl = accepted.Headers.Location!.OriginalString;
            await WaitForMarkerAsync(portal, ImportPhase.Applying);
            await portal.KillAsync();
        }

        Assert.Equal((ImportStatus.Applying, (long)ImportPipeline.FirstBatchRows - Earlier, (long)Earlier, 0L), Record(ApiUpload));
        Assert.Equal("Running", Text("SELECT Status FROM BackgroundJobs WHERE Kind = 'import' ORDER BY QueuedAt DESC LIMIT 1"));

        SqliteConnection.ClearAllPools();
        using var restarted = new ExistingFolderPortalFactory(Data);
        var job = await JsonAsync(await TokenClient(restarted, token).GetAsync(jobUrl));

        Assert.Equal(("Succeeded", "Succeeded"), (job.GetProperty("status").GetString(), job.GetProperty("importStatus").GetString()));
        Assert.Equal((ImportStatus.Succeeded, (long)Rows - Earlier, (long)Earlier, 0L), Record(ApiUpload));
        Assert.Equal(Rows, Scalar("SELECT COUNT(*) FROM StageHistory WHERE ExternalId LIKE 'k%' AND LeftAt = '2024-01-12 00:00:00'"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Data, "staging")));
    }

    /// <summary>What the data folder holds right after the kill, before anything restarted.</summary>
    private void AssertStateAtKill(ImportPhase phase)
    {
        var (status, inserted, updated, _) = Record("history.csv");
        var rows = Scalar("SELECT COUNT(*) FROM StageHistory WHERE ExternalId LIKE 'k%'");
        switch (phase)
        {
            case ImportPhase.Received:
                Assert.Equal((ImportStatus.Queued, (long)Earlier), (status, rows));
                break;
            case ImportPhase.Reading:
                Assert.Equal((ImportStatus.Running, (long)Earlier), (status, rows));
                break;
            case ImportPhase.Applying:
                // The first batch (file rows 1 to 1,000) committed with its counts: the 500 earlier keys updated, 500 new.
                Assert.Equal((ImportStatus.Applying, (long)ImportPipeline.FirstBatchRows - Earlier, (long)Earlier), (status, inserted, updated));
                Assert.Equal(ImportPipeline.FirstBatchRows, rows);
                break;
            default:
                Assert.Equal((ImportStatus.Succeeded, (long)Rows - Earlier, (long)Earlier, (long)Rows), (status, inserted, updated, rows));
                Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(Data, "staging"), "*.db"));
                break;
        }
    }

    private Dictionary<string, string?> Held(ImportPhase phase) => new()
    {
        ["KnowledgeKaizen:DataPath"] = Data,
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

    private static async Task CommandLineAsync(string data, string file, string kind = "stage-history")
    {
        using var output = new StringWriter();
        var exit = await ImportCommand.RunAsync(["import", kind, file, $"--KnowledgeKaizen:DataPath={data}"], output);
        Assert.True(exit == 0, output.ToString());
    }

    private static async Task<string> WriteHistoryAsync(TempFolder folder, string name, int rows, string leftAt, string prefix = "k")
    {
        var file = folder.File(name);
        var text = new StringBuilder(StageHeader);
        for (var i = 0; i < rows; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{i},o1,{(i % 2 == 0 ? "qualify" : "discover")},r1,2024-01-10T08:00:00Z,{leftAt},advanced\n");
        }

        await File.WriteAllTextAsync(file, text.ToString());
        return file;
    }

    /// <summary>The file name the API gives a file sent as the request body.</summary>
    private const string ApiUpload = "stage-history.csv";

    private (ImportStatus Status, long Inserted, long Updated, long Unchanged) Record(string fileName)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status, Inserted, Updated, Unchanged FROM Imports WHERE FileName = $name";
        command.Parameters.AddWithValue("$name", fileName);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"no import of {fileName}");
        var record = (Enum.Parse<ImportStatus>(reader.GetString(0)), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        Assert.False(reader.Read(), $"more than one import of {fileName}");
        return record;
    }

    private long Scalar(string sql) => (long)Query(sql)!;

    private string Text(string sql) => (string)Query(sql)!;

    private object? Query(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "knowledgekaizen.db")};Pooling=false");
        connection.Open();
        return connection;
    }

    public void Dispose() => folder.Dispose();

    /// <summary>
    /// A data folder with the basics (stages, reps, a customer, an opportunity) and <see cref="Earlier"/> stage-history rows,
    /// imported once through the command line; each test works on a copy.
    /// </summary>
    public sealed class Template : IAsyncLifetime
    {
        private readonly TempFolder folder = new("killed-import-template");

        private string Data => folder.File("data");

        public async Task InitializeAsync()
        {
            foreach (var (kind, csv) in new[] { ("stages", Stages), ("reps", Reps), ("customers", Customers), ("opportunities", Opportunities) })
            {
                var file = folder.File(kind + ".csv");
                await File.WriteAllTextAsync(file, csv);
                await CommandLineAsync(Data, file, kind);
            }

            await CommandLineAsync(Data, await WriteHistoryAsync(folder, "earlier.csv", Earlier, "2024-01-11"));
            SqliteConnection.ClearAllPools();
        }

        /// <summary>Copies the data folder into <paramref name="target"/> (as "data"); returns the target.</summary>
        public TempFolder CopyTo(TempFolder target)
        {
            foreach (var file in Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(target.File("data"), Path.GetRelativePath(Data, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }

            return target;
        }

        public Task DisposeAsync()
        {
            folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
