using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KnowledgeKaizen.Core.Data;

/// <summary>Applies pending migrations (the only way the schema changes) and the dialect's database settings.</summary>
public sealed class DatabaseMigrator(KnowledgeKaizenDbContext db) : IStartupTask
{
    public int Order => StartupOrder.Database;

    public Task RunAsync(CancellationToken cancellationToken) => MigrateAsync(db, cancellationToken);

    /// <summary>
    /// Brings <paramref name="db"/> to this release's schema. A history written by migrations this release no longer
    /// ships is first rewritten when a squashed migration replaces exactly those (<see cref="ReplacesMigrationsAttribute"/>);
    /// any other unknown history throws <see cref="DatabaseSettingException"/> saying which release can upgrade it.
    /// </summary>
    public static async Task MigrateAsync(KnowledgeKaizenDbContext db, CancellationToken cancellationToken = default)
    {
        await RebaseSquashedHistoryAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Sql.AfterMigration is { } settings)
        {
            await db.Database.ExecuteSqlRawAsync(settings, cancellationToken);
        }
    }

    private static async Task RebaseSquashedHistoryAsync(KnowledgeKaizenDbContext db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct))
        {
            return;
        }

        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(row => row.MigrationId).ToHashSet(StringComparer.Ordinal);
        var known = db.GetService<IMigrationsAssembly>().Migrations;
        var unknown = applied.Where(id => !known.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        foreach (var (id, type) in known)
        {
            if (type.GetCustomAttribute<ReplacesMigrationsAttribute>() is not { } replaced || !unknown.All(replaced.Ids.Contains))
            {
                continue;
            }

            if (!replaced.Ids.All(applied.Contains))
            {
                throw new DatabaseSettingException($"The database was last migrated by an older release (its last migration is {unknown[^1]}). "
                    + $"Start the last release before its migrations were squashed (whose last migration is {replaced.Ids[^1]}) on it once, "
                    + "then this release.");
            }

            var script = new StringBuilder();
            foreach (var old in replaced.Ids)
            {
                script.AppendLine(history.GetDeleteScript(old));
            }

            script.AppendLine(history.GetInsertScript(new HistoryRow(id, ProductInfo.GetVersion())));
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync(script.ToString(), ct);
            await transaction.CommitAsync(ct);
            return;
        }

        throw new DatabaseSettingException($"The database has migrations this release does not know ({string.Join(", ", unknown)}): "
            + "it was written by a newer release. Run that release, or restore a backup made by this one.");
    }
}
