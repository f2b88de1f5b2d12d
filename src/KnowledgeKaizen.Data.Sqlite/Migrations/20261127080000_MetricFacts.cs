using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.Sqlite.Migrations
{
    /// <summary>
    /// Monthly pre-aggregates for the Insights dashboards (rebuilt by the import pipeline inside the import
    /// transaction) and their freshness flag. Triggers on the fact tables the aggregates summarise clear the
    /// flag on ANY write, whatever the path, so the dashboards fall back to live queries instead of showing
    /// stale numbers. Raw SQL: the aggregates are read and written by the Insights module with ADO.NET only.
    /// </summary>
    [DbContext(typeof(KnowledgeKaizenDbContext))]
    [Migration("20261127080000_MetricFacts")]
    public partial class MetricFacts : Migration
    {
        private static readonly string[] Sources = ["StageHistory", "Activities", "Opportunities", "ServiceCases"];
        private static readonly string[] Operations = ["INSERT", "UPDATE", "DELETE"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "MetricMonthlyFacts" (
                    "Kind" TEXT NOT NULL, "Month" TEXT NOT NULL, "GroupKey" TEXT NOT NULL, "Payload" BLOB NOT NULL,
                    PRIMARY KEY ("Kind", "Month", "GroupKey")) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "MetricFactsState" ("Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Fresh" INTEGER NOT NULL, "BuiltAt" TEXT NULL);
                """);
            migrationBuilder.Sql("INSERT INTO \"MetricFactsState\" (\"Id\", \"Fresh\") VALUES (1, 0);");
            foreach (var table in Sources)
            {
                foreach (var operation in Operations)
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "TR_{table}_{operation}_MetricFacts" AFTER {operation} ON "{table}"
                        WHEN (SELECT "Fresh" FROM "MetricFactsState" WHERE "Id" = 1) = 1
                        BEGIN UPDATE "MetricFactsState" SET "Fresh" = 0 WHERE "Id" = 1; END;
                        """);
                }
            }

            // Open backlog at a period's end: cases unresolved, or resolved after it, read by range instead of
            // scanning every case opened before it.
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_ServiceCases_Backlog\" ON \"ServiceCases\" (\"ResolvedAt\", \"OpenedAt\", \"AgentId\", \"CustomerId\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Sources)
            {
                foreach (var operation in Operations)
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"TR_{table}_{operation}_MetricFacts\";");
                }
            }

            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_ServiceCases_Backlog\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"MetricMonthlyFacts\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"MetricFactsState\";");
        }
    }
}
