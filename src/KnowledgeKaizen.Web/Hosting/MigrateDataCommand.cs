using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// Moves an installation between engines: <c>dotnet run --project src/KnowledgeKaizen.Web -- migrate-data --to postgresql
/// "&lt;connection string&gt;"</c> copies the configured SQLite database (after migrating it to the current schema) into an
/// empty PostgreSQL database and verifies the row count of every table. Other arguments are configuration (e.g.
/// <c>--KnowledgeKaizen:DataPath=/srv/kk</c>). The data folder's files (uploads, import files, models, key ring, index)
/// stay where they are: point the PostgreSQL installation at the same data folder. Exit code 0 when every table's
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
        await StartupTasks.RunAsync(app.Services, before: StartupOrder.Accounts);
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

        var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
        await stdout.WriteLineAsync(report.Verified
            ? $"Copied {report.Rows:N0} rows in {report.Tables.Count} tables in {seconds:0.0} s ({report.Rows / seconds:N0} rows/s); every table's row count matches. "
              + $"Now start the portal with {DatabaseSettings.ProviderKey}=PostgreSql, {DatabaseSettings.ConnectionStringKey} set, and the same data folder ({app.Services.GetRequiredService<DataFolder>().Root})."
            : "The copy was rolled back: the counts did not match.");
        return report.Verified ? 0 : 1;
    }
}
