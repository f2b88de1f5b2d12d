using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KnowledgeKaizen.Web.Tests.Jobs;

/// <summary>
/// The job store's tables come with the PostgreSQL migrations (the portal's instances validate them at start: the
/// clustered tests fail without them) and go with the migrations' Down.
/// </summary>
public sealed class QuartzSchemaTests
{
    /// <summary>Every table Quartz 4.7.3's clustered store reads or writes (its startup validation's list).</summary>
    private static readonly string[] StoreTables =
    [
        "qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers", "qrtz_fired_triggers", "qrtz_job_details", "qrtz_locks",
        "qrtz_paused_job_grps", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_simple_triggers", "qrtz_simprop_triggers",
        "qrtz_triggers",
    ];

    [Fact]
    public async Task MigratedDatabase_HasTheJobStoreTables_AndTheMigrationsDownRemovesThem()
    {
        using var database = await TestPostgres.CreateDatabaseAsync("quartz_schema");
        await using var db = database.NewContext();
        Assert.Equal(StoreTables, await TablesAsync(db));

        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Migration.InitialDatabase);
        Assert.Empty(await TablesAsync(db));

        await migrator.MigrateAsync();
        Assert.Equal(StoreTables, await TablesAsync(db));
    }

    private static async Task<List<string>> TablesAsync(KnowledgeKaizenDbContext db) =>
        await db.Database.SqlQueryRaw<string>("SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'qrtz%' ORDER BY tablename")
            .ToListAsync();
}
