using System.Text;
using KnowledgeKaizen.Core.Ingestion;

namespace KnowledgeKaizen.Core.Tests.Ingestion;

/// <summary>
/// A bulk load sets the table's indexes and metric-staleness triggers aside: on the real (migrated) schema
/// it must give them back exactly, and leave the metric aggregates marked stale as the triggers would.
/// </summary>
public sealed class BulkLoadSchemaTests : IDisposable
{
    private const string Header = "external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n";
    /// <summary>The state right after the aggregates were built: fresh, nothing listed.</summary>
    private const string JustBuilt = "UPDATE MetricFactsState SET Fresh = 1, Partial = 0; DELETE FROM MetricDirtyMonths;";

    private readonly IngestionTestDb db = new(migrated: true);

    private static MemoryStream Rows(int count) => new(Encoding.UTF8.GetBytes(Header +
        string.Concat(Enumerable.Range(0, count).Select(i => $"h{i},o1,qualify,r1,2024-01-10,2024-01-12,advanced\n"))));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BulkLoad_GivesBackEveryIndexAndTrigger_AndMarksItsMetricsStaleOnlyWhenApplied(bool dryRun)
    {
        var schema = db.SchemaOf("StageHistory");
        db.Execute(JustBuilt);
        using var context = db.NewContext();

        var report = await new ImportPipeline(context) { BulkThresholdBytes = 0 }
            .RunAsync(Rows(500), new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv, DryRun: dryRun));

        Assert.Equal(500, report.Inserted);
        Assert.Equal(schema, db.SchemaOf("StageHistory"));
        Assert.Contains(schema, s => s.StartsWith("trigger TR_StageHistory_INSERT_MetricFacts", StringComparison.Ordinal));
        Assert.Contains(schema, s => s.StartsWith("index IX_StageHistory_Metrics", StringComparison.Ordinal));
        Assert.Equal(dryRun ? 1 : 0, db.Scalar("SELECT Fresh FROM MetricFactsState"));

        // The stage aggregates are listed as a whole (month '*'), nothing row by row.
        Assert.Equal(dryRun ? 0 : 1, db.Scalar("SELECT Partial FROM MetricFactsState"));
        Assert.Equal(dryRun ? 0 : 1, db.Scalar("SELECT COUNT(*) FROM MetricDirtyMonths"));
        Assert.Equal(dryRun ? 0 : 1, db.Scalar("SELECT COUNT(*) FROM MetricDirtyMonths WHERE Kind = 'stage' AND Month = '*'"));
    }

    [Fact]
    public async Task AfterABulkLoad_TheTriggersMarkMetricsStaleAgain_AndListTheMonth()
    {
        using (var context = db.NewContext())
        {
            await new ImportPipeline(context) { BulkThresholdBytes = 0 }.RunAsync(Rows(100), new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv));
        }

        db.Execute(JustBuilt);
        db.Execute("UPDATE StageHistory SET Outcome = 'Lost' WHERE ExternalId = 'h1'");

        Assert.Equal(0, db.Scalar("SELECT Fresh FROM MetricFactsState"));
        Assert.Equal(1, db.Scalar("SELECT Partial FROM MetricFactsState"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM MetricDirtyMonths WHERE Kind = 'stage' AND Month = '2024-01'"));
    }

    [Fact]
    public async Task FilesFromAQuarterMegabyte_IntoAnEmptyTable_AreBulkLoaded()
    {
        db.Execute(JustBuilt);
        using var context = db.NewContext();
        var rows = Header + string.Concat(Enumerable.Range(0, 8000).Select(i => $"h{i},o1,qualify,r1,2024-01-10,2024-01-12,advanced\n"));

        var report = await new ImportPipeline(context).RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(rows)), new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv));

        Assert.True(report.Applied);
        Assert.True(rows.Length > BulkLoadSchema.EmptyTableBulkBytes);
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM MetricDirtyMonths WHERE Kind = 'stage' AND Month = '*'"));
    }

    [Fact]
    public void StageHistory_KeepsOnlyTheSelectiveIndexes()
    {
        var indexes = db.SchemaOf("StageHistory").Where(s => s.StartsWith("index ", StringComparison.Ordinal)).Select(s => s.Split(':')[0]);

        Assert.Equal(["index IX_StageHistory_ExternalId", "index IX_StageHistory_Metrics", "index IX_StageHistory_OpportunityId"], indexes);
    }

    public void Dispose() => db.Dispose();
}
