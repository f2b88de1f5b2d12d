using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KnowledgeKaizen.Web.Tests.Data;

/// <summary>
/// Each database's migrations go all the way down (their Down methods leave no table, trigger or function behind that
/// would make the next Up fail) and up again, and afterwards the hand-written metric bookkeeping works as after a fresh
/// start: a feedback write changes the feedback version only, any other write the data version.
/// </summary>
public sealed class MigrationsDownAndUpTests
{
    [Fact]
    public async Task OnSqlite()
    {
        await using var connection = new SqliteConnection("DataSource=:memory:");
        await connection.OpenAsync();
        await using var db = new KnowledgeKaizenDbContext((DbContextOptions<KnowledgeKaizenDbContext>)DatabaseSettings
            .UseSqlite(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>(), connection).Options);

        await DownAndUpAsync(db);

        async Task<long> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        await AssertVersionsFollowWritesAsync(db, Scalar);
    }

    [Fact]
    public async Task OnPostgreSql()
    {
        using var database = await TestPostgres.CreateDatabaseAsync("down-up", migrated: false);
        await using var db = database.NewContext();

        await DownAndUpAsync(db);

        async Task<long> Scalar(string sql) => Convert.ToInt64(await database.ScalarAsync(sql), CultureInfo.InvariantCulture);
        await AssertVersionsFollowWritesAsync(db, Scalar);
        // An outbox entry records the transaction that wrote it (the PostgreSQL feed reads by transaction horizon).
        Assert.Equal(1, await Scalar("""
            INSERT INTO "SearchOutbox" ("DocumentType", "DocumentKey", "Deleted", "RecordedAt") VALUES ('playbook', '1', false, now())
            RETURNING ("TransactionId" = pg_current_xact_id()::text::bigint)::int
            """));
    }

    private static async Task DownAndUpAsync(KnowledgeKaizenDbContext db)
    {
        await db.Database.MigrateAsync();
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync(Migration.InitialDatabase);
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());

        await migrator.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static async Task AssertVersionsFollowWritesAsync(KnowledgeKaizenDbContext db, Func<string, Task<long>> scalar)
    {
        async Task<(long Data, long Feedback)> VersionsAsync() =>
            (await scalar("""SELECT "Version" FROM "MetricFactsState" """), await scalar("""SELECT "FeedbackVersion" FROM "MetricFactsState" """));

        var now = DateTime.UtcNow;
        var before = await VersionsAsync();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Feedback" ("ExternalId", "Channel", "Type", "Text", "ReceivedAt") VALUES ('down-up-f1', 'email', 'complaint', 'The delivery came a week late.', {now});
            """);
        var afterFeedback = await VersionsAsync();
        Assert.Equal(before.Data, afterFeedback.Data);
        Assert.NotEqual(before.Feedback, afterFeedback.Feedback);

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Customers" ("ExternalId", "Name", "Industry", "Region", "CreatedAt") VALUES ('down-up-c1', 'Harbour Tools', 'Retail', 'North', {now});
            """);
        var afterCustomer = await VersionsAsync();
        Assert.NotEqual(afterFeedback.Data, afterCustomer.Data);
        Assert.Equal(afterFeedback.Feedback, afterCustomer.Feedback);
    }
}
