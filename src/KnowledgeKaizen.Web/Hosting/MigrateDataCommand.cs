using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// Moves an installation between engines: <c>dotnet run --project src/KnowledgeKaizen.Web -- migrate-data --to postgresql
/// "&lt;connection string&gt;"</c> copies the configured SQLite database (after migrating it to the current schema) into an
/// empty PostgreSQL database and verifies the row count of every table. Other arguments are configuration (e.g.
/// <c>--KnowledgeKaizen:DataPath=/srv/kk</c>). The stored files (uploads, import files, models…) are copied into the
/// database's file store too (unless <c>KnowledgeKaizen:Files:Store</c> is DataFolder), and the key ring's keys into the
/// database, so sign-ins survive the move; the search index is rebuilt by each instance. Exit code 0 when every table's
/// count matches, 1 otherwise.
/// </summary>
public static class MigrateDataCommand
{
    public static bool IsMigrateData(string[] args) => args is ["migrate-data", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        var stdout = output ?? Console.Out;
        var positional = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal) || a == "--to").ToList();
        var configuration = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--to").ToArray();
        if (positional is not ["--to", var engine, var connectionString] || !engine.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            await stdout.WriteLineAsync("Usage: migrate-data --to postgresql \"<connection string>\" [--KnowledgeKaizen:DataPath=<data folder>]");
            return 1;
        }

        var builder = WebApplication.CreateBuilder(configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddPlatform().AddDatabase();
        await using var app = builder.Build();
        if (await app.FindSettingProblemAsync() is { } problem)
        {
            await stdout.WriteLineAsync($"migrate-data failed: {problem}");
            return 1;
        }

        var sourceSettings = app.Services.GetRequiredService<DatabaseSettings>();
        if (sourceSettings.Provider != DatabaseProvider.Sqlite)
        {
            await stdout.WriteLineAsync($"migrate-data copies a SQLite installation, but {DatabaseSettings.ProviderKey} is {sourceSettings.Provider}.");
            return 1;
        }

        DatabaseSettings targetSettings;
        try
        {
            targetSettings = new DatabaseSettings(DatabaseProvider.PostgreSql, DatabaseSettings.PostgreSqlConnectionString(connectionString));
        }
        catch (DatabaseSettingException ex)
        {
            await stdout.WriteLineAsync($"migrate-data failed: {ex.Message.Replace(DatabaseSettings.ConnectionStringKey, "the target", StringComparison.Ordinal)}");
            return 1;
        }

        if (await targetSettings.FindConnectionProblemAsync() is { } unreachable)
        {
            await stdout.WriteLineAsync($"migrate-data failed: {unreachable.Replace(DatabaseSettings.ConnectionStringKey, "the target", StringComparison.Ordinal)}");
            return 1;
        }

        // The source's own schema first, so both sides have the model's tables.
        try
        {
            await StartupTasks.RunAsync(app.Services, before: StartupOrder.Accounts);
        }
        catch (DatabaseSettingException ex)
        {
            await stdout.WriteLineAsync($"migrate-data failed: {ex.Message}");
            return 1;
        }

        using var scope = app.Services.CreateScope();
        await using var target = new KnowledgeKaizenDbContext(
            (DbContextOptions<KnowledgeKaizenDbContext>)targetSettings.Apply(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>()).Options);
        var report = await DatabaseCopier.CopyAsync(scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>(), target,
            line => stdout.WriteLine("copied " + line));
        if (report.Refusal is { } refusal)
        {
            await stdout.WriteLineAsync($"migrate-data refused: {refusal}");
            return 1;
        }

        foreach (var table in report.Tables.Where(t => t.SourceRows != t.TargetRows))
        {
            await stdout.WriteLineAsync($"count mismatch in {table.Table}: {table.SourceRows} in SQLite, {table.TargetRows} in PostgreSQL");
        }

        if (report.Verified)
        {
            var copied = await CopySharedStateAsync(app, targetSettings, target);
            await stdout.WriteLineAsync($"copied {copied.Files:N0} stored files ({copied.Bytes:N0} bytes) and {copied.Keys} key ring elements into the database");
        }

        var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
        await stdout.WriteLineAsync(report.Verified
            ? $"Copied {report.Rows:N0} rows in {report.Tables.Count} tables in {seconds:0.0} s ({report.Rows / seconds:N0} rows/s); every table's row count matches. "
              + $"Now start the portal with {DatabaseSettings.ProviderKey}=PostgreSql and {DatabaseSettings.ConnectionStringKey} set (the data folder {app.Services.GetRequiredService<DataFolder>().Root} keeps the search index; instances of their own build theirs)."
            : "The copy was rolled back: the counts did not match.");
        return report.Verified ? 0 : 1;
    }

    /// <summary>The data folder's stored files into the target's file store (when it keeps files in the database) and its key ring.</summary>
    private static async Task<SharedStateCopy> CopySharedStateAsync(WebApplication app, DatabaseSettings targetSettings, KnowledgeKaizenDbContext target)
    {
        var kind = app.Services.GetRequiredService<IOptions<FileStoreOptions>>().Value.Kind(DatabaseProvider.PostgreSql);
        await using var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddSingleton<WriteTurns>()
            .AddDbContext<KnowledgeKaizenDbContext>(o => targetSettings.Apply(o)).BuildServiceProvider();
        var files = kind == FileStoreKind.Database ? ActivatorUtilities.CreateInstance<DatabaseFileStore>(services) : null;
        return await SharedStateCopier.CopyAsync(app.Services.GetRequiredService<DataFolder>(), target, files,
            app.Services.GetRequiredService<ILoggerFactory>());
    }
}
