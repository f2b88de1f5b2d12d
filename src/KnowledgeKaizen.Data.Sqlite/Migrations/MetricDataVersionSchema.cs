#nullable enable

using Microsoft.EntityFrameworkCore.Migrations;

namespace KnowledgeKaizen.Data.Sqlite.Migrations;

/// <summary>
/// The data versions the dashboards' result cache is keyed by (<c>MetricFactsState.Version</c> and
/// <c>FeedbackVersion</c>): a trigger on every table the metrics read gives one of them a new random value on any insert,
/// update or delete, inside the writer's transaction, whatever the path. Feedback writes change <c>FeedbackVersion</c>
/// only: just the feedback page reads feedback, and frontline posts of it must not recompute every other dashboard.
/// Random rather than counted, so a database restored from a backup never reaches a value an instance cached under
/// before. Named <c>TR_{table}_{operation}_Version_MetricFacts</c>, beside the staleness triggers
/// (<see cref="KnowledgeKaizen.Core.Ingestion.MetricFactsStaleness"/>); imports write through both.
/// </summary>
internal static class MetricDataVersionSchema
{
    /// <summary>Every table a dashboard figure, filter option or name reads.</summary>
    internal static readonly string[] Tables =
        ["StageHistory", "Activities", "Opportunities", "ServiceCases", "Feedback", "Customers", "Reps", "SalesStages"];

    private static readonly string[] Operations = ["INSERT", "UPDATE", "DELETE"];

    /// <summary>Adds the version columns and triggers; run after <see cref="MetricFactsSchema.Create"/>.</summary>
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""ALTER TABLE "MetricFactsState" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;""");
        migrationBuilder.Sql("""ALTER TABLE "MetricFactsState" ADD COLUMN "FeedbackVersion" INTEGER NOT NULL DEFAULT 0;""");
        foreach (var table in Tables)
        {
            var column = table == "Feedback" ? "FeedbackVersion" : "Version";
            foreach (var operation in Operations)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "TR_{table}_{operation}_Version_MetricFacts" AFTER {operation} ON "{table}"
                    BEGIN UPDATE "MetricFactsState" SET "{column}" = random() WHERE "Id" = 1; END;
                    """);
            }
        }
    }

    /// <summary>Removes the triggers; the columns go with <see cref="MetricFactsSchema.Drop"/>'s state table.</summary>
    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            foreach (var operation in Operations)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TR_{table}_{operation}_Version_MetricFacts";""");
            }
        }
    }
}
