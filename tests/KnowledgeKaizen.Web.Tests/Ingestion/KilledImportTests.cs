using System.Diagnostics;
using KnowledgeKaizen.Testing;
using KnowledgeKaizen.Web.Ingestion;
using Microsoft.Data.Sqlite;
using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>
/// The real thing: a command-line import in its own process is killed (SIGKILL) while it writes. The database
/// must be as before the import, the import marked failed at the next start, and the same file must then
/// import completely.
/// </summary>
public sealed class KilledImportTests : IDisposable
{
    // Enough that the import's pages outgrow its 32 MB page cache well before the end, so the first pages
    // reach the write-ahead log (the kill signal) while most of the file is still to come.
    private const int Rows = 1_500_000;
    private readonly TempFolder folder = new("killed-import");

    private string Data => folder.File("data");

    private string Database => Path.Combine(Data, "knowledgekaizen.db");

    [Fact]
    public async Task ImportKilledWhileWriting_LeavesNothing_IsMarkedFailed_AndRunsCleanlyAgain()
    {
        foreach (var (kind, csv) in new[] { ("stages", Stages), ("reps", Reps), ("customers", Customers), ("opportunities", Opportunities) })
        {
            Assert.Equal(0, await CommandLineAsync(kind, csv));
        }

        var history = await WriteHistoryAsync("stage-history.csv", Rows);

        // Closing this process's pooled connections checkpoints and removes the log, so it starts empty.
        SqliteConnection.ClearAllPools();
        Assert.False(File.Exists(Database + "-wal"));

        using (var import = StartImportProcess(history))
        {
            // Uncommitted pages reach the write-ahead log as the import writes; kill once some have.
            var wal = Database + "-wal";
            await Eventually.TrueAsync("the import to write a megabyte of pages to the write-ahead log, or to exit",
                () => (File.Exists(wal) && new FileInfo(wal).Length > 1 << 20) || import.HasExited);

            Assert.False(import.HasExited, "the import finished before it could be killed");
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();
        }

        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM StageHistory"));
        Assert.Equal("Running", Text("SELECT Status FROM Imports WHERE Kind = 'StageHistory'"));

        // The next start (here: the next command-line import) marks it failed; the file then imports whole.
        Assert.Equal(0, await CommandLineAsync("stages", Stages));
        Assert.Equal("Failed", Text("SELECT Status FROM Imports WHERE Kind = 'StageHistory'"));
        Assert.Contains("Interrupted", Text("SELECT Message FROM Imports WHERE Kind = 'StageHistory'"), StringComparison.Ordinal);

        var again = await WriteHistoryAsync("again.csv", 1000);
        using (var output = new StringWriter())
        {
            Assert.Equal(0, await ImportCommand.RunAsync(["import", "stage-history", again, $"--KnowledgeKaizen:DataPath={Data}"], output));
        }

        Assert.Equal(1000, Scalar("SELECT COUNT(*) FROM StageHistory"));
        Assert.Equal("ok", Text("PRAGMA integrity_check"));
    }

    private async Task<string> WriteHistoryAsync(string name, int rows)
    {
        var file = folder.File(name);
        await using var writer = new StreamWriter(file);
        await writer.WriteAsync(StageHeader);
        for (var i = 0; i < rows; i++)
        {
            await writer.WriteAsync($"k{i},o1,{(i % 2 == 0 ? "qualify" : "discover")},r1,2024-01-10T08:00:00Z,2024-01-12T08:00:00Z,advanced\n");
        }

        return file;
    }

    private async Task<int> CommandLineAsync(string kind, string csv)
    {
        var file = folder.File(kind + ".csv");
        await File.WriteAllTextAsync(file, csv);
        using var output = new StringWriter();
        return await ImportCommand.RunAsync(["import", kind, file, $"--KnowledgeKaizen:DataPath={Data}"], output);
    }

    private Process StartImportProcess(string file)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "KnowledgeKaizen.Web.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", web, "import", "stage-history", file, $"--KnowledgeKaizen:DataPath={Data}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var process = Process.Start(start)!;

        // Drained so that a full pipe never stalls the import.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private long Scalar(string sql) => (long)Query(sql)!;

    private string Text(string sql) => (string)Query(sql)!;

    private object? Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => folder.Dispose();
}
