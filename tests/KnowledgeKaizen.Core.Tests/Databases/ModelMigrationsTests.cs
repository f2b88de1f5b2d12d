using Microsoft.Data.Sqlite;

namespace KnowledgeKaizen.Core.Tests.Databases;

/// <summary>
/// Each database has its own migrations, generated from the one model; a model change that one of them lacks fails
/// here (add it for both with tools/add-migration.sh NAME). Neither check needs a running server.
/// </summary>
public sealed class ModelMigrationsTests
{
    private const string Fix = "the model has changes this provider's migrations lack: run tools/add-migration.sh <Name>";

    [Fact]
    public void SqliteMigrations_CoverTheModel()
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        using var db = Sqlite(connection);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "SQLite: " + Fix);
    }

    [Fact]
    public void PostgreSqlMigrations_CoverTheModel()
    {
        using var db = TestPostgres.NewContext("Host=127.0.0.1;Database=model-check");

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "PostgreSQL: " + Fix);
    }

    private static KnowledgeKaizenDbContext Sqlite(SqliteConnection connection) =>
        new((DbContextOptions<KnowledgeKaizenDbContext>)DatabaseSettings.UseSqlite(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>(), connection).Options);
}
