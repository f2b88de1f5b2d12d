using System.Net.Sockets;

namespace KnowledgeKaizen.Web.Tests.Data;

/// <summary>
/// The real executable on PostgreSQL: a wrong or unreachable database stops start-up with one line naming the setting and
/// the reason; two processes starting at once on an empty database set it up exactly once.
/// </summary>
public sealed class PostgreSqlStartupTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task UnreachableServer_StopsStartup_WithOneLineNamingTheConnectionString()
    {
        using var data = new TempFolder("pg-unreachable");
        var closedPort = ClosedPort();

        var (exit, lines) = await RunUntilExitAsync(data.Path, $"Host=127.0.0.1;Port={closedPort};Database=kk;Username=kk;Timeout=5");

        Assert.Equal(1, exit);
        var line = Assert.Single(lines);
        Assert.Contains(DatabaseSettings.ConnectionStringKey, line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{closedPort}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDatabase_StopsStartup_SayingSo()
    {
        using var data = new TempFolder("pg-missing");
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.Server) { Database = "kk_no_such_database" };

        var (exit, lines) = await RunUntilExitAsync(data.Path, server.ConnectionString);

        Assert.Equal(1, exit);
        var line = Assert.Single(lines);
        Assert.Contains(DatabaseSettings.ConnectionStringKey, line, StringComparison.Ordinal);
        Assert.Contains("kk_no_such_database", line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oracle", "KnowledgeKaizen:Database:Provider")]
    [InlineData("PostgreSql", "ConnectionStrings:KnowledgeKaizen")]
    public async Task WrongDatabaseSetting_StopsStartup_NamingIt(string provider, string setting)
    {
        using var data = new TempFolder("pg-setting");

        var (exit, lines) = await PortalProcess.RefusedStartAsync(new Dictionary<string, string?> { ["KnowledgeKaizen:DataPath"] = data.Path, [DatabaseSettings.ProviderKey] = provider }, Deadline);

        Assert.Equal(1, exit);
        var line = Assert.Single(lines);
        Assert.StartsWith("Start-up failed: " + setting, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoProcesses_StartingAtOnceOnAnEmptyDatabase_SetItUpExactlyOnce()
    {
        using var database = await TestPostgres.CreateDatabaseAsync("race", migrated: false);
        using var first = new TempFolder("pg-race-a");
        using var second = new TempFolder("pg-race-b");

        // Both at once; each is ready when it answers /healthz, which it does once its start-up tasks are done.
        var starting = new[] { first.Path, second.Path }
            .Select(data => PortalProcess.ServeAsync(PortalProcess.WebAssembly, data, WithDemoData(database.ConnectionString))).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await (await started).DisposeAsync();
            }
        }

        await using var db = database.NewContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(SeedRows("stage-history.csv"), await db.StageHistory.LongCountAsync());
        Assert.Equal(SeedRows("feedback.csv"), await db.Feedback.LongCountAsync());
        var demoImports = await db.Imports.Where(i => i.Source == ImportSource.DemoData).GroupBy(i => i.Kind).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Directory.GetFiles(RepoPaths.SeedData, "*.csv").Length, demoImports.Count);
        Assert.All(demoImports, count => Assert.Equal(1, count));
        var contentFiles = Directory.GetFiles(RepoPaths.Content, "*.md", SearchOption.AllDirectories).Count(f => Path.GetFileName(f) is not ("README.md" or KnowledgeKaizen.Core.Terms.TermMapStore.ShippedFileName));
        Assert.Equal(contentFiles, await db.KnowledgeDocuments.CountAsync());
        Assert.Equal(contentFiles, await db.DocumentRevisions.CountAsync());
    }

    private static Dictionary<string, string?> WithDemoData(string connectionString) => new()
    {
        [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.PostgreSql),
        [DatabaseSettings.ConnectionStringKey] = connectionString,
        ["KnowledgeKaizen:LoadDemoData"] = "true",
        ["KnowledgeKaizen:SeedPath"] = RepoPaths.SeedData,
        ["KnowledgeKaizen:ContentPath"] = RepoPaths.Content,
        ["KnowledgeKaizen:AdminEmail"] = PortalFactory.AdminEmail,
        [IdentityBootstrapper.PasswordVariable] = PortalFactory.AdminPassword,
        // The first-start retraining is queued after start-up; the test ends before it matters, so keep it small.
        ["Insights:ExpectedOutcome:Trainers:0"] = "LightGbm",
        ["Insights:ExpectedOutcome:FoldCount"] = "2",
        ["Insights:ExpectedOutcome:NumberOfTrees"] = "5",
    };

    private static long SeedRows(string file) => File.ReadLines(Path.Combine(RepoPaths.SeedData, file)).Count(l => l.Length > 0) - 1;

    private static Task<(int Exit, string[] Errors)> RunUntilExitAsync(string dataPath, string connectionString) =>
        PortalProcess.RefusedStartAsync(new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:DataPath"] = dataPath,
            [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.PostgreSql),
            [DatabaseSettings.ConnectionStringKey] = connectionString,
        }, Deadline);

    /// <summary>A port nothing listens on: bound by the OS, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
