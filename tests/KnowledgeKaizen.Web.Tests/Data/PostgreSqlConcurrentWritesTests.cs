using Npgsql;

namespace KnowledgeKaizen.Web.Tests.Data;

/// <summary>
/// On PostgreSQL writers do not wait for each other over the dashboards' bookkeeping (the data version, the aggregates'
/// freshness flag, the list of changed months): a case and a feedback post commit while an import's transaction holds
/// uncommitted rows of the same tables and month, and the import's commit still gives the dashboards a new version.
/// Feedback changes a version of its own: the dashboards that do not read it keep their results.
/// The frontline connection has a short lock timeout, so a write that waited fails instead of hanging.
/// </summary>
public sealed class PostgreSqlConcurrentWritesTests
{
    [Fact]
    public async Task FrontlineWrites_CommitWhileAnImportIsOpen_AndEachCommitChangesItsVersion()
    {
        using var database = await TestPostgres.CreateDatabaseAsync("writers");
        await using var import = await OpenAsync(database);
        await ExecuteAsync(import, CaseParties + """
            -- As after a rebuild of the aggregates: fresh, nothing listed.
            UPDATE "MetricFactsState" SET "Fresh" = 1, "Partial" = 0;
            """);
        var before = await VersionAsync(database);

        (long Data, long Feedback) afterFrontline;
        await using (var transaction = await import.BeginTransactionAsync())
        {
            // Like an import's apply: cases and feedback of June 2025, not committed yet.
            await ExecuteAsync(import, Case("w-import-1", "2025-06-03") + Case("w-import-2", "2025-06-17") + Feedback("w-import-f1", "2025-06-04"));

            await using (var frontline = await OpenAsync(database, "SET lock_timeout = '2s'; SET statement_timeout = '20s';"))
            {
                await ExecuteAsync(frontline, Case("w-desk-1", "2025-06-20"));
                Assert.Equal((0L, 1L), await StateAsync(database));
                var afterCase = await VersionAsync(database);
                await ExecuteAsync(frontline, Feedback("w-desk-f1", "2025-06-21"));
                afterFrontline = await VersionAsync(database);
                Assert.NotEqual(before, afterCase);
                Assert.Equal(before.Feedback, afterCase.Feedback);
                Assert.Equal(afterCase.Data, afterFrontline.Data);
                Assert.NotEqual(afterCase.Feedback, afterFrontline.Feedback);
            }

            // Others see the desk's case only, and the version of the desk's commits.
            Assert.Equal(1L, await ScalarAsync(database, """SELECT COUNT(*) FROM "ServiceCases" """));
            Assert.Equal(afterFrontline, await VersionAsync(database));
            await transaction.CommitAsync();
        }

        var afterImport = await VersionAsync(database);
        Assert.NotEqual(afterFrontline.Data, afterImport.Data);
        Assert.NotEqual(afterFrontline.Feedback, afterImport.Feedback);
        Assert.Equal(3L, await ScalarAsync(database, """SELECT COUNT(*) FROM "ServiceCases" """));
        Assert.Equal((0L, 1L), await StateAsync(database));
        Assert.Equal(1L, await ScalarAsync(database, """SELECT COUNT(DISTINCT ("Kind", "Month")) FROM "MetricDirtyMonths" WHERE "Kind" = 'case' AND "Month" = '2025-06'"""));
        Assert.Equal(0L, await ScalarAsync(database, """SELECT COUNT(*) FROM "MetricDataCommits" """));

        // A write rolled back changes nothing.
        var committed = await VersionAsync(database);
        await using (var rolledBack = await import.BeginTransactionAsync())
        {
            await ExecuteAsync(import, Feedback("w-undone", "2025-06-22"));
            await rolledBack.RollbackAsync();
        }

        Assert.Equal(committed, await VersionAsync(database));
        Assert.Equal(0L, await ScalarAsync(database, """SELECT COUNT(*) FROM "MetricDataCommits" """));
    }

    /// <summary>
    /// A refresh step takes a month off the list while a frontline write of that month is open: the write's listing, added
    /// in its own transaction, survives the step, so the next refresh rebuilds the month instead of marking facts fresh
    /// that miss the write. (When writes skipped months listed already, the step's delete took the only listing.)
    /// </summary>
    [Fact]
    public async Task AWriteOpenWhileARefreshStepUnlistsItsMonth_KeepsTheMonthListed()
    {
        using var database = await TestPostgres.CreateDatabaseAsync("relist");
        await using var desk = await OpenAsync(database, "SET lock_timeout = '2s'; SET statement_timeout = '20s';");
        await ExecuteAsync(desk, CaseParties + Case("w-listed", "2025-06-03"));
        const string Listed = """SELECT COUNT(*) FROM "MetricDirtyMonths" WHERE "Kind" = 'case' AND "Month" = '2025-06'""";
        Assert.True(await ScalarAsync(database, Listed) > 0);

        await using var refresh = await OpenAsync(database);
        await using (var step = await refresh.BeginTransactionAsync())
        {
            await ExecuteAsync(refresh, """DELETE FROM "MetricDirtyMonths" WHERE "Kind" = 'case' AND "Month" = '2025-06'""");
            await using (var write = await desk.BeginTransactionAsync())
            {
                await ExecuteAsync(desk, Case("w-during", "2025-06-20"));
                await step.CommitAsync();
                await write.CommitAsync();
            }
        }

        Assert.True(await ScalarAsync(database, Listed) > 0);
    }

    /// <summary>The customer and the agent every <see cref="Case"/> names.</summary>
    private const string CaseParties = """
            INSERT INTO "Customers" ("ExternalId", "Name", "Industry", "Region", "CreatedAt") VALUES ('w-c1', 'Harbour Tools', 'Retail', 'North', '2025-01-02Z');
            INSERT INTO "Reps" ("ExternalId", "Name", "Team", "Region", "Role", "Active") VALUES ('w-r1', 'Mei Chen', 'North A', 'North', 'service', true);
        """;

    private static string Case(string externalId, string openedAt) => $"""
        INSERT INTO "ServiceCases" ("ExternalId", "CustomerId", "AgentId", "OpenedAt", "Channel", "Category", "Priority", "Subject")
        SELECT '{externalId}', c."Id", r."Id", '{openedAt}Z', 'phone', 'billing', 'normal', 'Invoice lists the wrong quantity'
        FROM "Customers" c, "Reps" r WHERE c."ExternalId" = 'w-c1' AND r."ExternalId" = 'w-r1';
        """;

    private static string Feedback(string externalId, string receivedAt) => $"""
        INSERT INTO "Feedback" ("ExternalId", "Channel", "Type", "Text", "ReceivedAt")
        VALUES ('{externalId}', 'email', 'complaint', 'The delivery came a week late.', '{receivedAt}Z');
        """;

    private static async Task<NpgsqlConnection> OpenAsync(TestPostgresDatabase database, string? setup = null)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        if (setup is not null)
        {
            await ExecuteAsync(connection, setup);
        }

        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(TestPostgresDatabase database, string sql) => Convert.ToInt64(await database.ScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(long Data, long Feedback)> VersionAsync(TestPostgresDatabase database) =>
        (await ScalarAsync(database, """SELECT "Version" FROM "MetricFactsState" """), await ScalarAsync(database, """SELECT "FeedbackVersion" FROM "MetricFactsState" """));

    private static async Task<(long Fresh, long Partial)> StateAsync(TestPostgresDatabase database) =>
        (await ScalarAsync(database, """SELECT "Fresh" FROM "MetricFactsState" """), await ScalarAsync(database, """SELECT "Partial" FROM "MetricFactsState" """));
}
