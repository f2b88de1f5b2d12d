using KnowledgeKaizen.Core.Files;
using KnowledgeKaizen.Core.Hosting;
using Npgsql;

namespace KnowledgeKaizen.Web.Tests.Data;

/// <summary>
/// Moving a SQLite installation to PostgreSQL with <c>migrate-data</c>, and a PostgreSQL backup taken with pg_dump and
/// restored with pg_restore: both end with the same rows, password hashes and document text as the source.
/// </summary>
[Collection(BothDatabases.Name)]
public sealed class MoveAndBackupTests(BothDatabases databases)
{
    [Fact]
    public async Task MigrateData_CopiesTheSqliteInstallation_IntoAnEmptyPostgreSql_AndRefusesANonEmptyOne()
    {
        using var target = await TestPostgres.CreateDatabaseAsync("moved", migrated: false);
        string[] command = ["migrate-data", "--to", "postgresql", target.ConnectionString, $"--KnowledgeKaizen:DataPath={databases.Sqlite.DataPath}"];

        var folder = new DataFolder(databases.Sqlite.DataPath);
        var storedBefore = new List<string>();
        foreach (var top in folder.StoreFolders())
        {
            storedBefore.AddRange(await new DataFolderFileStore(folder).ListAsync(top));
        }

        var output = new StringWriter();
        var exit = await MigrateDataCommand.RunAsync(command, output);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("every table's row count matches", output.ToString(), StringComparison.Ordinal);
        await using (var moved = target.NewContext())
        {
            Assert.Equal(await SnapshotAsync(databases.Sqlite.WithDbAsync), await SnapshotAsync(work => work(moved)));

            // The stored files and the key ring came along: PostgreSQL keeps them in the database.
            var storedAfter = await moved.StoredFiles.Where(f => f.CompletedAt != null).Select(f => f.Path).ToListAsync();
            Assert.Contains("content/import-report.json", storedBefore);
            Assert.Empty(storedBefore.Except(storedAfter));
            Assert.Equal(Directory.GetFiles(folder.Keys, "*.xml").Length, await moved.DataProtectionKeys.CountAsync());
        }

        var again = new StringWriter();
        Assert.Equal(1, await MigrateDataCommand.RunAsync(command, again));
        Assert.Contains("not empty", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PgDump_AndPgRestore_GiveBackTheSameDatabase()
    {
        var source = databases.PostgreSql.Postgres;
        using var restored = await TestPostgres.CreateDatabaseAsync("restored", migrated: false);
        var dump = Path.Combine(databases.PostgreSql.DataPath, "backups", "knowledgekaizen.dump");

        await RunAsync("pg_dump", "--format=custom", $"--file={dump}", Uri(source.Name));
        await RunAsync("pg_restore", "--no-owner", "--exit-on-error", $"--dbname={Uri(restored.Name)}", dump);

        await using var back = restored.NewContext();
        Assert.Equal(await SnapshotAsync(databases.PostgreSql.WithDbAsync), await SnapshotAsync(work => work(back)));
        Assert.Equal(await CountsAsync(source), await CountsAsync(restored));
    }

    /// <summary>Row counts of what never changes behind a test's back, the Admin's password hash and a document's text.</summary>
    private static Task<string> SnapshotAsync(Func<Func<KnowledgeKaizenDbContext, Task<string>>, Task<string>> with) => with(async db =>
    {
        var counts = new[]
        {
            await db.Users.CountAsync(), await db.KnowledgeDocuments.CountAsync(), await db.DocumentRevisions.CountAsync(),
            await db.Reps.CountAsync(), await db.Opportunities.CountAsync(), await db.StageHistory.CountAsync(),
            await db.Activities.CountAsync(), await db.ServiceCases.CountAsync(), await db.Feedback.CountAsync(), await db.Imports.CountAsync(),
        };
        var hash = await db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.PasswordHash).SingleAsync();
        var document = await db.DocumentRevisions.OrderBy(r => r.Id).Select(r => r.Body).FirstAsync();
        return $"{string.Join(",", counts)}|{hash}|{document}";
    });

    // The portal's jobs (retraining, indexing, clustering) may still write these while the test runs.
    private static readonly HashSet<string> WrittenByBackgroundWork =
        ["BackgroundJobs", "SearchIndexCursors", "SearchOutbox", "FindingSnapshots", "PerformerFindings", "ProblemClusters", "CaptureRequests", "UserTasks"];

    /// <summary>
    /// Every table's row count, from the database's own catalogue of tables, but the job cluster's live state (a firing in
    /// progress, the nodes checking in), which the running source portal changes between the dump and the count.
    /// </summary>
    private static async Task<string> CountsAsync(TestPostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('qrtz_fired_triggers', 'qrtz_scheduler_state') ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new List<string>();
        foreach (var table in tables.Where(t => !WrittenByBackgroundWork.Contains(t)))
        {
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
            counts.Add($"{table}={await count.ExecuteScalarAsync()}");
        }

        return string.Join(" ", counts);
    }

    private static string Uri(string database)
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.Server);
        return $"postgresql://{System.Uri.EscapeDataString(server.Username ?? "postgres")}@{server.Host}:{server.Port}/{database}";
    }

    /// <summary>One of PostgreSQL's tools, with the test server's password when it has one.</summary>
    private static Task RunAsync(string tool, params string[] arguments) =>
        ExternalProgram.RunAsync(Path.Combine(TestPostgres.BinFolder, tool), arguments,
            new NpgsqlConnectionStringBuilder(TestPostgres.Server).Password is { Length: > 0 } password ? new Dictionary<string, string> { ["PGPASSWORD"] = password } : null);
}
