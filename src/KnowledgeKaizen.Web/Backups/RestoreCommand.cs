using KnowledgeKaizen.Core.Backups;
using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Web.Backups;

/// <summary>
/// Command-line restore of a backup into a fresh data folder:
/// <c>dotnet run --project src/KnowledgeKaizen.Web -- restore &lt;backup.zip&gt;</c>. Other arguments are configuration (e.g.
/// <c>--KnowledgeKaizen:DataPath=/srv/kk-restored</c>). Unpacks and checks the backup, brings its database to this
/// version's schema, finishes imports it caught mid-apply, and records the restore. The next start of the portal on
/// that folder rebuilds the search index and retrains the models. On PostgreSQL it refuses: pg_restore restores a server
/// database. Exit code 0 when restored, 1 otherwise.
/// </summary>
public static class RestoreCommand
{
    public static bool IsRestore(string[] args) => args is ["restore", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        var stdout = output ?? Console.Out;
        var (positional, _, configuration) = CommandHost.Split(args);
        if (positional.Count != 1)
        {
            await stdout.WriteLineAsync("Usage: restore <backup.zip> [--KnowledgeKaizen:DataPath=<a new, empty data folder>]");
            return 1;
        }

        var file = Path.GetFullPath(positional[0]);
        if (!File.Exists(file))
        {
            await stdout.WriteLineAsync($"No such file: {file}");
            return 1;
        }

        // The backup is unpacked before the start-up work, which then brings its schema to this version and finishes
        // imports it caught mid-apply.
        BackupManifest? manifest = null;
        await using var app = await CommandHost.StartAsync(configuration, services => services.AddIngestion().AddBackups(), stdout, "Restore failed",
            async host =>
            {
                if (host.Services.GetRequiredService<DatabaseSettings>().Provider != DatabaseProvider.Sqlite)
                {
                    await stdout.WriteLineAsync($"Restore failed: {DatabaseSettings.ProviderKey} is not Sqlite. This command restores the portal's own "
                        + "(SQLite) backups; a PostgreSQL database is restored with pg_restore (docs/operations.md, Backup and restore).");
                    return false;
                }

                using var scope = host.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
                try
                {
                    manifest = await scope.ServiceProvider.GetRequiredService<BackupRestorer>().RestoreAsync(file, [.. db.Database.GetMigrations()]);
                    return true;
                }
                catch (BackupException e)
                {
                    await stdout.WriteLineAsync($"Restore failed: {e.Message}");
                    return false;
                }
            });
        if (app is null || manifest is null)
        {
            return 1;
        }

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
            db.Raise(new BackupRestored(Path.GetFileName(file), manifest.CreatedAt, Environment.UserName, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var folder = app.Services.GetRequiredService<DataFolder>();
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Restored {Path.GetFileName(file)} (taken {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC, {manifest.Rows.Values.Sum():N0} rows in {manifest.Rows.Count} tables) into {folder.Root}."));
        await stdout.WriteLineAsync("Start the portal on this data folder: it rebuilds the search index and retrains the models in the background. Everyone signs in again.");
        return 0;
    }
}
