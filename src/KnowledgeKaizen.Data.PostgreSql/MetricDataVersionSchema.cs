namespace KnowledgeKaizen.Data.PostgreSql;

/// <summary>
/// The data versions the dashboards' result cache is keyed by (<c>MetricFactsState.Version</c> and
/// <c>FeedbackVersion</c>), as on SQLite: any insert, update, delete or truncate of a table the metrics read gives one of
/// them a new random value as the writer's transaction commits, so readers see the new value exactly when they see the
/// new rows. Feedback writes change <c>FeedbackVersion</c> only: just the feedback page reads feedback, and frontline
/// posts of it must not recompute every other dashboard.
/// </summary>
/// <remarks>
/// A statement-level trigger per table only notes its transaction in <c>MetricDataCommits</c> (keyed by the transaction,
/// so writers never meet there) with what it changed: <c>Data</c> (any table but feedback), <c>Feedback</c>, and
/// <c>Facts</c> (a table the monthly aggregates summarise, noted by <see cref="MetricFactsSchema"/>'s functions). A
/// deferred constraint trigger on that row sets the versions, and clears the aggregates' freshness flag, as the
/// transaction commits: the one state row is locked only for the moment of a commit, never for a long import's
/// transaction.
/// </remarks>
internal static class MetricDataVersionSchema
{
    private const string Function = "MetricData_Changed";
    private const string FeedbackFunction = "MetricData_FeedbackChanged";
    private const string Committing = "MetricData_Committing";

    /// <summary>What a change function of the aggregates' source tables runs instead of clearing the flag itself.</summary>
    public const string FactsChanged =
        """INSERT INTO "MetricDataCommits" ("Transaction", "Facts") VALUES (txid_current(), true) ON CONFLICT ("Transaction") DO UPDATE SET "Facts" = true WHERE NOT "MetricDataCommits"."Facts";""";

    private static readonly string[] Tables =
        ["StageHistory", "Activities", "Opportunities", "ServiceCases", "Feedback", "Customers", "Reps", "SalesStages"];

    /// <summary>Adds the version columns, the commit notes and the triggers; run after <see cref="MetricFactsSchema.Create"/>.</summary>
    public static IEnumerable<string> Create()
    {
        yield return """ALTER TABLE "MetricFactsState" ADD COLUMN "Version" bigint NOT NULL DEFAULT 0, ADD COLUMN "FeedbackVersion" bigint NOT NULL DEFAULT 0;""";
        // Empty between transactions: each row lives from a transaction's first write to its commit.
        yield return """
            CREATE TABLE "MetricDataCommits" ("Transaction" bigint NOT NULL PRIMARY KEY, "Facts" boolean NOT NULL,
                "Data" boolean NOT NULL DEFAULT true, "Feedback" boolean NOT NULL DEFAULT false);
            """;
        // A feedback-only transaction inserts its note as such; any other write sets "Data" (true by default).
        yield return Noting(Function, """("Transaction", "Facts") VALUES (txid_current(), false)""", "Data");
        yield return Noting(FeedbackFunction, """("Transaction", "Facts", "Data", "Feedback") VALUES (txid_current(), false, false, true)""", "Feedback");
        // Runs once per transaction (its one row), at commit; "Fresh" on the right is the value before this update.
        yield return $$"""
            CREATE FUNCTION "{{Committing}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
            DECLARE
                facts boolean;
                data boolean;
                feedback boolean;
            BEGIN
                DELETE FROM "MetricDataCommits" WHERE "Transaction" = NEW."Transaction" RETURNING "Facts", "Data", "Feedback" INTO facts, data, feedback;
                UPDATE "MetricFactsState" SET
                    "Version" = CASE WHEN data THEN floor(random() * 9007199254740991)::bigint ELSE "Version" END,
                    "FeedbackVersion" = CASE WHEN feedback THEN floor(random() * 9007199254740991)::bigint ELSE "FeedbackVersion" END,
                    "Partial" = CASE WHEN facts AND "Fresh" = 1 THEN 1 ELSE "Partial" END,
                    "Fresh" = CASE WHEN facts THEN 0 ELSE "Fresh" END
                WHERE "Id" = 1;
                RETURN NULL;
            END
            $body$;
            """;
        yield return $"""
            CREATE CONSTRAINT TRIGGER "TR_MetricDataCommits_Commit" AFTER INSERT ON "MetricDataCommits"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "{Committing}"();
            """;
        foreach (var table in Tables)
        {
            yield return $"""
                CREATE TRIGGER "TR_{table}_Version_MetricFacts" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                FOR EACH STATEMENT EXECUTE FUNCTION "{(table == "Feedback" ? FeedbackFunction : Function)}"();
                """;
        }
    }

    /// <summary>A statement trigger's function: notes its transaction, with <paramref name="flag"/> set.</summary>
    private static string Noting(string function, string note, string flag) => $$"""
        CREATE FUNCTION "{{function}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO "MetricDataCommits" {{note}}
            ON CONFLICT ("Transaction") DO UPDATE SET "{{flag}}" = true WHERE NOT "MetricDataCommits"."{{flag}}";
            RETURN NULL;
        END
        $body$;
        """;

    /// <summary>Removes the functions (and with them the triggers) and the commit notes; the columns go with the state table.</summary>
    public static IEnumerable<string> Drop() =>
    [
        $"""DROP FUNCTION IF EXISTS "{Function}"(), "{FeedbackFunction}"(), "{Committing}"() CASCADE;""",
        """DROP TABLE IF EXISTS "MetricDataCommits";""",
    ];
}
