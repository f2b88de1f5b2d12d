using KnowledgeKaizen.Web.Ingestion;
using Npgsql;
using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>
/// One installation a kill test works on: a data folder and its database (SQLite's file in the folder, or a PostgreSQL
/// database of its own), the settings that point the app at them, and what the test reads there afterwards.
/// </summary>
public abstract class ImportInstall(TempFolder folder) : IDisposable
{
    public TempFolder Folder => folder;

    public string Data => folder.File("data");

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The settings that run the app (a process or a command) on this installation.</summary>
    public virtual Dictionary<string, string?> Settings => new() { ["KnowledgeKaizen:DataPath"] = Data };

    /// <summary>Imports a file through the command line, in this process, as an operator would after a crash.</summary>
    public async Task CommandLineAsync(string file, string kind = "stage-history")
    {
        using var output = new StringWriter();
        var exit = await ImportCommand.RunAsync(["import", kind, file, .. Settings.Select(s => $"--{s.Key}={s.Value}")], output);
        ReleaseConnections();
        Assert.True(exit == 0, output.ToString());
    }

    /// <summary>Reads through a context of its own that keeps no connection open afterwards.</summary>
    public async Task<T> ReadAsync<T>(Func<KnowledgeKaizenDbContext, Task<T>> read)
    {
        await using var db = new KnowledgeKaizenDbContext((DbContextOptions<KnowledgeKaizenDbContext>)
            new DatabaseSettings(Provider, UnpooledConnectionString).Apply(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>()).Options);
        return await read(db);
    }

    /// <summary>Once the killed process's connections are gone, the database holds nothing of its work but what it committed, and is sound.</summary>
    public abstract Task AssertNothingLeftAsync();

    /// <summary>The import files the installation keeps: in the data folder on SQLite, in the database on PostgreSQL.</summary>
    public virtual Task<List<string>> StoredImportFilesAsync()
    {
        var folder = Path.Combine(Data, ImportService.FilesFolder);
        return Task.FromResult(Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(f => Path.GetRelativePath(Data, f).Replace('\\', '/')).ToList()
            : []);
    }

    /// <summary>Files in the data folder's staging place (staged rows of an import being applied).</summary>
    public IEnumerable<string> Staged => Directory.Exists(Path.Combine(Data, "staging")) ? Directory.EnumerateFiles(Path.Combine(Data, "staging")) : [];

    /// <summary>Closes this process's pooled connections, so a copy or a restart finds the database unused.</summary>
    public abstract void ReleaseConnections();

    protected abstract string UnpooledConnectionString { get; }

    public virtual void Dispose()
    {
        ReleaseConnections();
        folder.Dispose();
    }

    public static string CsvOf(int rows, string leftAt, string prefix)
    {
        var text = new StringBuilder(StageHeader);
        for (var i = 0; i < rows; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{i},o1,{(i % 2 == 0 ? "qualify" : "discover")},r1,2024-01-10T08:00:00Z,{leftAt},advanced\n");
        }

        return text.ToString();
    }
}

/// <summary>The embedded database: a file in the data folder.</summary>
public sealed class SqliteImportInstall(TempFolder folder) : ImportInstall(folder)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string UnpooledConnectionString => $"Data Source={Path.Combine(Data, "knowledgekaizen.db")};Pooling=false";

    public override async Task AssertNothingLeftAsync() =>
        Assert.Equal("ok", await ReadAsync(db => db.Database.SqlQueryRaw<string>("SELECT integrity_check AS Value FROM pragma_integrity_check").SingleAsync()));

    public override void ReleaseConnections() => SqliteConnection.ClearAllPools();
}

/// <summary>PostgreSQL: a database of its own on the test server, beside a data folder for files.</summary>
public sealed class PostgreSqlImportInstall(TempFolder folder, TestPostgresDatabase database) : ImportInstall(folder)
{
    public TestPostgresDatabase Database => database;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override Dictionary<string, string?> Settings => new(base.Settings)
    {
        [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.PostgreSql),
        [DatabaseSettings.ConnectionStringKey] = database.ConnectionString,
    };

    protected override string UnpooledConnectionString => new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;

    /// <summary>
    /// The server ends a killed client's session when it notices the closed socket, rolling back its transaction and dropping
    /// its temporary staging table; until then its locks and table are still there, so this waits for the session first.
    /// </summary>
    public override async Task AssertNothingLeftAsync()
    {
        await Eventually.TrueAsync("the killed import's session to end", () => ReadAsync(async db =>
            await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
                .SingleAsync() == 0));
        Assert.Equal(0, await ReadAsync(db => db.Database.SqlQueryRaw<long>(
            "SELECT COUNT(*) AS \"Value\" FROM pg_class WHERE relpersistence = 't'").SingleAsync()));
    }

    public override Task<List<string>> StoredImportFilesAsync() => ReadAsync(db => db.StoredFiles
        .Where(f => f.CompletedAt != null && f.Path.StartsWith(ImportService.FilesFolder + "/")).Select(f => f.Path).ToListAsync());

    // The app's own connection string (with its defaults added) has a pool of its own.
    public override void ReleaseConnections() => NpgsqlConnection.ClearAllPools();

    public override void Dispose()
    {
        base.Dispose();
        database.Dispose();
    }
}

/// <summary>
/// Per database, a template installation made once: the basics (stages, reps, a customer, an opportunity) and
/// <see cref="Earlier"/> stage-history rows, imported through the command line. Each test works on a copy.
/// </summary>
public sealed class KilledImportTemplates : IDisposable
{
    /// <summary>Rows an earlier import left, with other values: the killed import updates them.</summary>
    public const int Earlier = 500;

    private readonly Dictionary<DatabaseProvider, Task<ImportInstall>> templates = [];

    /// <summary>A copy of the template installation on <paramref name="provider"/>, in a folder of its own.</summary>
    public async Task<ImportInstall> CopyAsync(DatabaseProvider provider)
    {
        Task<ImportInstall> template;
        lock (templates)
        {
            if (!templates.TryGetValue(provider, out template!))
            {
                templates[provider] = template = CreateAsync(provider);
            }
        }

        var source = await template;
        source.ReleaseConnections();
        var folder = new TempFolder("killed-import");
        TempFolder.CopyTree(source.Data, folder.File("data"));

        return source is PostgreSqlImportInstall postgres
            ? new PostgreSqlImportInstall(folder, await TestPostgres.CopyDatabaseAsync(postgres.Database, "killed_import"))
            : new SqliteImportInstall(folder);
    }

    private static async Task<ImportInstall> CreateAsync(DatabaseProvider provider)
    {
        var folder = new TempFolder("killed-import-template");
        ImportInstall install = provider == DatabaseProvider.PostgreSql
            ? new PostgreSqlImportInstall(folder, await TestPostgres.CreateDatabaseAsync("killed_template"))
            : new SqliteImportInstall(folder);
        foreach (var (kind, csv) in new[] { ("stages", Stages), ("reps", Reps), ("customers", Customers), ("opportunities", Opportunities) })
        {
            var file = folder.File(kind + ".csv");
            await File.WriteAllTextAsync(file, csv);
            await install.CommandLineAsync(file, kind);
        }

        var earlier = folder.File("earlier.csv");
        await File.WriteAllTextAsync(earlier, ImportInstall.CsvOf(Earlier, "2024-01-11", "k"));
        await install.CommandLineAsync(earlier);
        return install;
    }

    public void Dispose()
    {
        foreach (var template in templates.Values.Where(t => t.IsCompletedSuccessfully))
        {
            template.Result.Dispose();
        }
    }
}
