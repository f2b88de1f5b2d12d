namespace KnowledgeKaizen.Data.PostgreSql;

/// <summary>
/// What SQLite's MetricFactsSchema builds, in PostgreSQL's dialect: the dashboards' covering indexes, the monthly
/// pre-aggregates with their freshness flag, and the change triggers that list the months a write touched. The aggregate
/// tables are read and written by the Insights module with ADO.NET only, so they are not part of the EF model.
/// </summary>
/// <remarks>
/// The triggers are statement-level with transition tables (one run per statement, however many rows): a million-row
/// import lists its months in one set-based INSERT … SELECT DISTINCT, so imports keep them on instead of setting them
/// aside. The same names as SQLite's (<c>TR_{table}_{operation}_MetricFacts</c>). A write takes no lock another writer
/// could wait for: the freshness flag is cleared as the transaction commits (<see cref="MetricDataVersionSchema"/>), not
/// by the statement, and every statement lists its months, without a unique key: two open transactions listing the same
/// month both list it (the readers take distinct pairs) instead of the second waiting for the first to end.
/// </remarks>
internal static class MetricFactsSchema
{
    private static readonly string[] CoveringIndexes =
    [
        """CREATE INDEX "IX_StageHistory_Metrics" ON "StageHistory" ("EnteredAt", "StageId", "RepId", "Outcome", "LeftAt", "OpportunityId");""",
        """CREATE INDEX "IX_Activities_Metrics" ON "Activities" ("OccurredAt", "Type", "RepId", "OpportunityId", "Cost", "Amount");""",
        """CREATE INDEX "IX_Activities_Quotes" ON "Activities" ("Type", "OccurredAt", "Amount", "OpportunityId", "RepId");""",
        """CREATE INDEX "IX_ServiceCases_Metrics" ON "ServiceCases" ("OpenedAt", "Channel", "Category", "FirstResponseAt", "ResolvedAt", "Satisfaction", "Cost", "AgentId", "CustomerId");""",
        """CREATE INDEX "IX_ServiceCases_Backlog" ON "ServiceCases" ("ResolvedAt", "OpenedAt", "AgentId", "CustomerId");""",
        """CREATE INDEX "IX_Opportunities_Closed" ON "Opportunities" ("ClosedAt", "Outcome", "FinalAmount", "CollectedAmount", "CreatedAt", "OwnerId", "Industry", "Source");""",
        """CREATE INDEX "IX_Opportunities_Expected" ON "Opportunities" ("ExpectedCloseAt", "ForecastAmount", "OwnerId", "Industry", "Source");""",
        """CREATE INDEX "IX_Feedback_Metrics" ON "Feedback" ("ReceivedAt", "Type", "Channel", "Category", "ResolvedAt", "HandledById", "CustomerId");""",
        """CREATE INDEX "IX_Customers_CreatedAt" ON "Customers" ("CreatedAt", "Industry", "Region");""",
        """CREATE INDEX "IX_Customers_ChurnedAt" ON "Customers" ("ChurnedAt", "Industry", "Region");""",
    ];

    // (table, aggregate kind, dated columns): the months a row belongs to.
    private static readonly (string Table, string Kind, string[] Dates)[] Sources =
    [
        ("StageHistory", "stage", ["EnteredAt"]),
        ("Activities", "activity", ["OccurredAt"]),
        ("Opportunities", "deal", ["ClosedAt", "ExpectedCloseAt"]),
        ("ServiceCases", "case", ["OpenedAt"]),
    ];

    public static IEnumerable<string> Create()
    {
        foreach (var index in CoveringIndexes)
        {
            yield return index;
        }

        yield return """
            CREATE TABLE "MetricMonthlyFacts" (
                "Kind" text NOT NULL, "Month" text NOT NULL, "GroupKey" text NOT NULL, "Payload" bytea NOT NULL,
                PRIMARY KEY ("Kind", "Month", "GroupKey"));
            """;
        yield return """
            CREATE TABLE "MetricFactsState" (
                "Id" integer NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Fresh" integer NOT NULL, "BuiltAt" timestamptz NULL,
                "Partial" integer NOT NULL DEFAULT 0);
            """;
        yield return """INSERT INTO "MetricFactsState" ("Id", "Fresh") VALUES (1, 0);""";
        yield return """CREATE TABLE "MetricDirtyMonths" ("Kind" text NOT NULL, "Month" text NOT NULL);""";
        yield return """CREATE INDEX "IX_MetricDirtyMonths_Kind_Month" ON "MetricDirtyMonths" ("Kind", "Month");""";
        foreach (var function in Functions())
        {
            yield return function;
        }

        foreach (var (table, _, _) in Sources)
        {
            yield return $"""
                CREATE TRIGGER "TR_{table}_INSERT_MetricFacts" AFTER INSERT ON "{table}"
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "{FunctionName(table)}"();
                """;
            yield return $"""
                CREATE TRIGGER "TR_{table}_UPDATE_MetricFacts" AFTER UPDATE ON "{table}"
                REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "{FunctionName(table)}"();
                """;
            yield return $"""
                CREATE TRIGGER "TR_{table}_DELETE_MetricFacts" AFTER DELETE ON "{table}"
                REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "{FunctionName(table)}"();
                """;
        }
    }

    /// <summary>Undoes <see cref="Create"/> (dropping the tables drops their triggers and indexes).</summary>
    public static IEnumerable<string> Drop() =>
        Sources.Select(s => $"""DROP FUNCTION IF EXISTS "{FunctionName(s.Table)}"() CASCADE;""")
            .Append("""DROP TABLE IF EXISTS "MetricMonthlyFacts", "MetricFactsState", "MetricDirtyMonths";""");

    /// <summary>The change functions the triggers run (<c>CREATE OR REPLACE</c>: a migration that changes them runs these again).</summary>
    public static IEnumerable<string> Functions() => Sources.Select(s => Function(s.Table, s.Kind, s.Dates));

    private static string FunctionName(string table) => $"MetricFacts_Changed_{table}";

    /// <summary>
    /// One function per table for its three triggers: a statement that changed no row does nothing; otherwise the first
    /// change after a build starts the list (<c>Partial</c>), and the months of the old and new rows are listed, once per
    /// statement, even when they are listed already. A refresh step that takes a month off the list cannot see a listing
    /// an open transaction adds, so the month stays listed for the next refresh; skipping months listed already (as the
    /// first version did) let a write that ran while the step was open lose its month, and the next refresh mark facts
    /// fresh that missed it. An opportunity's update or delete also lists the months of its quotes, whose accuracy reads
    /// the opportunity.
    /// </summary>
    private static string Function(string table, string kind, string[] dates)
    {
        string Month(string date) => $"""to_char(r."{date}" AT TIME ZONE 'UTC', 'YYYY-MM')""";
        string List(string rows) => string.Concat(dates.Select(date => $"""
                INSERT INTO "MetricDirtyMonths" ("Kind", "Month")
                SELECT DISTINCT '{kind}', {Month(date)} FROM {rows} r WHERE r."{date}" IS NOT NULL;
            """));
        var quotes = table != "Opportunities" ? string.Empty : """
                INSERT INTO "MetricDirtyMonths" ("Kind", "Month")
                SELECT DISTINCT 'activity', to_char(a."OccurredAt" AT TIME ZONE 'UTC', 'YYYY-MM')
                    FROM "Activities" a JOIN old_rows o ON a."OpportunityId" = o."Id" WHERE a."Type" = 'Quote';
            """;
        return $$"""
            CREATE OR REPLACE FUNCTION "{{FunctionName(table)}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
                ELSIF NOT EXISTS (SELECT 1 FROM new_rows) THEN
                    RETURN NULL;
                END IF;
                {{MetricDataVersionSchema.FactsChanged}}
                IF TG_OP <> 'DELETE' THEN
            {{List("new_rows")}}
                END IF;
                IF TG_OP <> 'INSERT' THEN
            {{List("old_rows")}}{{quotes}}
                END IF;
                RETURN NULL;
            END
            $body$;
            """;
    }
}
