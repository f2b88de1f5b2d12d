using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.Sqlite.Migrations
{
    /// <summary>
    /// Lets the metric aggregates be refreshed month by month instead of all at once. The change triggers
    /// (same names as before) now also record which (kind, month) a write touched in <c>MetricDirtyMonths</c>
    /// — old and new month for an update, and for an opportunity update the months of its quotes, whose
    /// accuracy reads the opportunity — and the first change after a build sets <c>MetricFactsState.Partial</c>:
    /// "every change since the build is listed". A bulk load, which runs without the triggers, lists its
    /// table's kinds as a whole instead (month <c>*</c>); this migration on existing data leaves <c>Partial</c>
    /// at 0, which means a full rebuild. Each trigger runs its body only for a row that brings a month not
    /// listed yet (its WHEN clause is one primary-key lookup), so row-by-row imports cost what they did with
    /// the flag-only triggers (95,000 rows: 0.34 s against 0.33 s). A NULL date gives no month. The inserts
    /// check for a listed month themselves instead of using INSERT OR IGNORE: inside a trigger the conflict
    /// policy of the statement that fired it wins, so a month already listed would abort the import's own INSERT.
    /// </summary>
    [DbContext(typeof(KnowledgeKaizenDbContext))]
    [Migration("20261127110000_MetricFactsDirtyMonths")]
    public partial class MetricFactsDirtyMonths : Migration
    {
        private const string StartTracking = """UPDATE "MetricFactsState" SET "Fresh" = 0, "Partial" = 1 WHERE "Id" = 1 AND "Fresh" = 1;""";

        // (table, kind, dated columns, extra statements for UPDATE/DELETE)
        private static readonly (string Table, string Kind, string[] Dates, string Quotes)[] Sources =
        [
            ("StageHistory", "stage", ["EnteredAt"], null),
            ("Activities", "activity", ["OccurredAt"], null),
            ("Opportunities", "deal", ["ClosedAt", "ExpectedCloseAt"],
                List("activity", """substr(a."OccurredAt", 1, 7)""", """FROM "Activities" a WHERE a."OpportunityId" = OLD."Id" AND a."Type" = 'Quote'""")),
            ("ServiceCases", "case", ["OpenedAt"], null),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "MetricFactsState" ADD COLUMN "Partial" INTEGER NOT NULL DEFAULT 0;""");
            migrationBuilder.Sql("""
                CREATE TABLE "MetricDirtyMonths" ("Kind" TEXT NOT NULL, "Month" TEXT NOT NULL, PRIMARY KEY ("Kind", "Month")) WITHOUT ROWID;
                """);
            foreach (var (table, kind, dates, quotes) in Sources)
            {
                foreach (var operation in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    var rows = operation switch { "INSERT" => new[] { "NEW" }, "UPDATE" => ["OLD", "NEW"], _ => ["OLD"] };
                    var months = rows.SelectMany(row => dates.Select(date => $"""substr({row}."{date}", 1, 7)""")).ToList();
                    var extra = operation == "INSERT" ? null : quotes;

                    // Only a row bringing a month not listed yet runs the body: one lookup for most rows.
                    var when = extra is null ? $"WHEN {string.Join(" OR ", months.Select(m => Unlisted(kind, m)))}" : string.Empty;
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TR_{table}_{operation}_MetricFacts";""");
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "TR_{table}_{operation}_MetricFacts" AFTER {operation} ON "{table}" {when}
                        BEGIN {StartTracking} {string.Concat(months.Select(m => List(kind, m)))} {extra} END;
                        """);
                }
            }
        }

        private static string Unlisted(string kind, string month) =>
            $"""({month} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricDirtyMonths" d WHERE d."Kind" = '{kind}' AND d."Month" = {month}))""";

        /// <summary>Lists the month <paramref name="month"/> (of each row of <paramref name="from"/>, if given) once, skipping NULL.</summary>
        private static string List(string kind, string month, string from = null) => $"""
            INSERT INTO "MetricDirtyMonths" ("Kind", "Month") SELECT DISTINCT '{kind}', {month} {from ?? string.Empty} {(from is null ? "WHERE" : "AND")} {Unlisted(kind, month)};
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _, _, _) in Sources)
            {
                foreach (var operation in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TR_{table}_{operation}_MetricFacts";""");
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "TR_{table}_{operation}_MetricFacts" AFTER {operation} ON "{table}"
                        WHEN (SELECT "Fresh" FROM "MetricFactsState" WHERE "Id" = 1) = 1
                        BEGIN UPDATE "MetricFactsState" SET "Fresh" = 0 WHERE "Id" = 1; END;
                        """);
                }
            }

            migrationBuilder.Sql("""DROP TABLE IF EXISTS "MetricDirtyMonths";""");
            migrationBuilder.Sql("""ALTER TABLE "MetricFactsState" DROP COLUMN "Partial";""");
        }
    }
}
