#nullable enable

using Microsoft.EntityFrameworkCore.Migrations;

namespace KnowledgeKaizen.Data.Sqlite.Migrations;

/// <summary>
/// The data version the dashboards' result cache is keyed by (<c>MetricFactsState.Version</c>): a trigger on every
/// table the metrics read gives it a new random value on any insert, update or delete, inside the writer's
/// transaction, whatever the path. Random rather than counted, so a database restored from a backup never reaches
/// a value an instance cached under before. Named <c>TR_{table}_{operation}_Version_MetricFacts</c>, beside the
/// staleness triggers (<see cref="KnowledgeKaizen.Core.Ingestion.MetricFactsStaleness"/>); imports write through both.
/// </summary>
internal static class MetricDataVersionSchema
{
    /// <summary>Every table a dashboard figure, filter option or name reads.</summary>
    internal static readonly string[] Tables =
        ["StageHistory", "Activities", "Opportunities", "ServiceCases", "Feedback", "Customers", "Reps", "SalesStages"];

    private static readonly string[] Operations = ["INSERT", "UPDATE", "DELETE"];

    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""ALTER TABLE "MetricFactsState" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;""");
        foreach (var table in Tables)
        {
            foreach (var operation in Operations)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "TR_{table}_{operation}_Version_MetricFacts" AFTER {operation} ON "{table}"
                    BEGIN UPDATE "MetricFactsState" SET "Version" = random() WHERE "Id" = 1; END;
                    """);
            }
        }
    }

    /// <summary>
    /// Feedback writes change <c>FeedbackVersion</c> instead of <c>Version</c>: only the feedback page reads feedback, and
    /// frontline posts of it must not recompute every other dashboard.
    /// </summary>
    public static void SplitFeedback(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""ALTER TABLE "MetricFactsState" ADD COLUMN "FeedbackVersion" INTEGER NOT NULL DEFAULT 0;""");
        RecreateFeedbackTriggers(migrationBuilder, "FeedbackVersion");
    }

    /// <summary>Undoes <see cref="SplitFeedback"/>.</summary>
    public static void JoinFeedback(MigrationBuilder migrationBuilder)
    {
        RecreateFeedbackTriggers(migrationBuilder, "Version");
        migrationBuilder.Sql("""ALTER TABLE "MetricFactsState" DROP COLUMN "FeedbackVersion";""");
    }

    private static void RecreateFeedbackTriggers(MigrationBuilder migrationBuilder, string column)
    {
        foreach (var operation in Operations)
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TR_Feedback_{operation}_Version_MetricFacts";""");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Feedback_{operation}_Version_MetricFacts" AFTER {operation} ON "Feedback"
                BEGIN UPDATE "MetricFactsState" SET "{column}" = random() WHERE "Id" = 1; END;
                """);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            foreach (var operation in Operations)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TR_{table}_{operation}_Version_MetricFacts";""");
            }
        }

        migrationBuilder.Sql("""ALTER TABLE "MetricFactsState" DROP COLUMN "Version";""");
    }
}
