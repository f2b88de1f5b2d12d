using System.IO.Compression;
using Npgsql;

namespace KnowledgeKaizen.Web.Tests.Data;

/// <summary>
/// Each database's migrations are one squashed Initial. An installation made before the squash (its schema as the old
/// chain of migrations left it, dumped into <c>Installations/</c>) starts on this release: its history is rewritten to
/// the Initial, its rows stay, and its schema is the schema a fresh installation gets. A history that neither matches
/// nor is replaced ends start-up with a message saying which release can upgrade it.
/// </summary>
public sealed class SquashedMigrationsTests
{
    [Fact]
    public async Task SqliteInstallationFromBeforeTheSquash_Upgrades_ToAFreshInstallationsSchema()
    {
        await using var fresh = await OpenSqliteAsync();
        await using (var db = SqliteContext(fresh))
        {
            await DatabaseMigrator.MigrateAsync(db);
        }

        await using var old = await OpenSqliteAsync();
        await ExecuteAsync(old, await FixtureAsync("sqlite-before-squash.sql.gz"));
        await ExecuteAsync(old, """
            INSERT INTO "Customers" ("ExternalId", "Name", "Industry", "Region", "CreatedAt") VALUES ('squash-c1', 'Harbour Tools', 'Retail', 'North', '2026-11-02 09:00:00');
            """);
        await using (var db = SqliteContext(old))
        {
            await DatabaseMigrator.MigrateAsync(db);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal("Harbour Tools", await db.Customers.Where(c => c.ExternalId == "squash-c1").Select(c => c.Name).SingleAsync());
        }

        AssertSameSchema(await SchemaDescription.OfSqliteAsync(fresh), await SchemaDescription.OfSqliteAsync(old));
    }

    [Fact]
    public async Task PostgreSqlInstallationFromBeforeTheSquash_Upgrades_ToAFreshInstallationsSchema()
    {
        using var fresh = await TestPostgres.CreateDatabaseAsync("squash_fresh");
        using var old = await TestPostgres.CreateDatabaseAsync("squash_old", migrated: false);
        await TestPostgres.ExecuteAsync(await FixtureAsync("postgresql-before-squash.sql.gz"), old.Name);
        await TestPostgres.ExecuteAsync("""
            INSERT INTO "Customers" ("ExternalId", "Name", "Industry", "Region", "CreatedAt") VALUES ('squash-c1', 'Harbour Tools', 'Retail', 'North', '2026-11-02 09:00:00Z');
            """, old.Name);
        await using (var db = old.NewContext())
        {
            await DatabaseMigrator.MigrateAsync(db);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal("Harbour Tools", await db.Customers.Where(c => c.ExternalId == "squash-c1").Select(c => c.Name).SingleAsync());
        }

        AssertSameSchema(await DescribeAsync(fresh), await DescribeAsync(old));
    }

    [Fact]
    public async Task InstallationStoppedHalfwayThroughTheOldChain_IsRefused_WithTheReleaseThatUpgradesIt()
    {
        await using var old = await OpenSqliteAsync();
        await ExecuteAsync(old, await FixtureAsync("sqlite-before-squash.sql.gz"));
        await ExecuteAsync(old, """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" > '20261204';""");
        await using var db = SqliteContext(old);

        var refused = await Assert.ThrowsAsync<DatabaseSettingException>(() => DatabaseMigrator.MigrateAsync(db));

        Assert.Contains("older release", refused.Message, StringComparison.Ordinal);
        Assert.Contains("20261203221732_AbuseHardening", refused.Message, StringComparison.Ordinal);
        Assert.Contains("20261204174049_SharedState", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await db.Database.GetAppliedMigrationsAsync()).Count());
    }

    [Fact]
    public async Task DatabaseOfANewerRelease_IsRefused_AndLeftAsItWas()
    {
        await using var connection = await OpenSqliteAsync();
        await using var db = SqliteContext(connection);
        await DatabaseMigrator.MigrateAsync(db);
        await ExecuteAsync(connection, """INSERT INTO "__EFMigrationsHistory" VALUES ('29991231000000_FromTheFuture', '99.0.0');""");

        var refused = await Assert.ThrowsAsync<DatabaseSettingException>(() => DatabaseMigrator.MigrateAsync(db));

        Assert.Contains("newer release", refused.Message, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromTheFuture", refused.Message, StringComparison.Ordinal);
        Assert.Equal([.. db.Database.GetMigrations(), "29991231000000_FromTheFuture"], await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>
    /// Columns the old chain added to tables that could hold rows, with a default of 0 for those rows. A fresh schema has
    /// no default there; the portal writes every column of every row it inserts, so the default is never used.
    /// </summary>
    private static readonly string[] AddedWithADefault = ["AspNetUsers.MailNotifications"];

    /// <summary>Names what one side has and the other lacks, rather than the first position where two long lists differ.</summary>
    private static void AssertSameSchema(List<string> fresh, List<string> upgraded)
    {
        upgraded = [.. upgraded.Select(line => AddedWithADefault.Any(column => line.StartsWith($"column {column} ", StringComparison.Ordinal))
            ? line.Replace(" default=0 ", " default=- ", StringComparison.Ordinal) : line).Order(StringComparer.Ordinal)];
        var differences = fresh.Except(upgraded, StringComparer.Ordinal).Select(line => "only fresh: " + line)
            .Concat(upgraded.Except(fresh, StringComparer.Ordinal).Select(line => "only upgraded: " + line)).ToList();
        Assert.True(differences.Count == 0, string.Join('\n', differences));
        Assert.Equal(fresh, upgraded);
    }

    private static async Task<List<string>> DescribeAsync(TestPostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return await SchemaDescription.OfPostgreSqlAsync(connection);
    }

    private static async Task<string> FixtureAsync(string name)
    {
        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Data", "Installations", name));
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }

    private static async Task<SqliteConnection> OpenSqliteAsync()
    {
        var connection = new SqliteConnection("DataSource=:memory:");
        await connection.OpenAsync();
        return connection;
    }

    private static KnowledgeKaizenDbContext SqliteContext(SqliteConnection connection) =>
        new((DbContextOptions<KnowledgeKaizenDbContext>)DatabaseSettings.UseSqlite(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>(), connection).Options);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
