namespace KnowledgeKaizen.Data.PostgreSql;

/// <summary>
/// The data version the dashboards' result cache is keyed by (<c>MetricFactsState.Version</c>), as on SQLite: any
/// insert, update, delete or truncate of a table the metrics read gives it a new random value in the writer's
/// transaction (one statement-level trigger per table, however many rows), so readers see the new value exactly when
/// they see the new rows.
/// </summary>
/// <remarks>
/// The Dash migration set the value from the statement, which locked the one state row until the writer committed: a
/// long import's transaction made every other write to these tables wait for it. Since PgVersionAtCommit
/// (<see cref="AtCommit"/>) a statement only notes its transaction in <c>MetricDataCommits</c> (keyed by the transaction,
/// so writers never meet there), and a deferred constraint trigger on that row sets the version — and clears the
/// aggregates' freshness flag when the transaction changed a table they summarise — as the transaction commits: the
/// state row is locked only for the moment of a commit.
/// </remarks>
internal static class MetricDataVersionSchema
{
    private const string Function = "MetricData_Changed";
    private const string Committing = "MetricData_Committing";

    /// <summary>What a change function of the aggregates' source tables runs instead of clearing the flag itself.</summary>
    public const string FactsChanged =
        """INSERT INTO "MetricDataCommits" ("Transaction", "Facts") VALUES (txid_current(), true) ON CONFLICT ("Transaction") DO UPDATE SET "Facts" = true WHERE NOT "MetricDataCommits"."Facts";""";

    private static readonly string[] Tables =
        ["StageHistory", "Activities", "Opportunities", "ServiceCases", "Feedback", "Customers", "Reps", "SalesStages"];

    public static IEnumerable<string> Create()
    {
        yield return """ALTER TABLE "MetricFactsState" ADD COLUMN "Version" bigint NOT NULL DEFAULT 0;""";
        yield return $$"""
            CREATE FUNCTION "{{Function}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                UPDATE "MetricFactsState" SET "Version" = floor(random() * 9007199254740991)::bigint WHERE "Id" = 1;
                RETURN NULL;
            END
            $body$;
            """;
        foreach (var table in Tables)
        {
            yield return $"""
                CREATE TRIGGER "TR_{table}_Version_MetricFacts" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                FOR EACH STATEMENT EXECUTE FUNCTION "{Function}"();
                """;
        }
    }

    public static IEnumerable<string> Drop() =>
    [
        $"""DROP FUNCTION IF EXISTS "{Function}"() CASCADE;""",
        """ALTER TABLE "MetricFactsState" DROP COLUMN IF EXISTS "Version";""",
    ];

    /// <summary>The version (and the freshness flag) set as the writing transaction commits; run before <see cref="MetricFactsSchema.WithoutWaits"/>.</summary>
    public static IEnumerable<string> AtCommit() =>
    [
        // Empty between transactions: each row lives from a transaction's first write to its commit.
        """CREATE TABLE "MetricDataCommits" ("Transaction" bigint NOT NULL PRIMARY KEY, "Facts" boolean NOT NULL);""",
        NotedAtStatement,
        // Runs once per transaction (its one row), at commit; "Fresh" on the right is the value before this update.
        "CREATE " + SetAtCommit,
        $"""
        CREATE CONSTRAINT TRIGGER "TR_MetricDataCommits_Commit" AFTER INSERT ON "MetricDataCommits"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "{Committing}"();
        """,
    ];

    private const string FeedbackFunction = "MetricData_FeedbackChanged";

    private const string NotedAtStatement = $$"""
        CREATE OR REPLACE FUNCTION "{{Function}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO "MetricDataCommits" ("Transaction", "Facts") VALUES (txid_current(), false) ON CONFLICT ("Transaction") DO NOTHING;
            RETURN NULL;
        END
        $body$;
        """;

    private const string SetAtCommit = $$"""
        FUNCTION "{{Committing}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
        DECLARE
            facts boolean;
        BEGIN
            DELETE FROM "MetricDataCommits" WHERE "Transaction" = NEW."Transaction" RETURNING "Facts" INTO facts;
            UPDATE "MetricFactsState" SET "Version" = floor(random() * 9007199254740991)::bigint,
                "Partial" = CASE WHEN facts AND "Fresh" = 1 THEN 1 ELSE "Partial" END,
                "Fresh" = CASE WHEN facts THEN 0 ELSE "Fresh" END
            WHERE "Id" = 1;
            RETURN NULL;
        END
        $body$;
        """;

    /// <summary>
    /// Feedback writes change <c>FeedbackVersion</c> instead of <c>Version</c>: only the feedback page reads feedback, and
    /// frontline posts of it must not recompute every other dashboard. A transaction notes which of the two it changed
    /// (<c>Data</c>: any table but feedback), and its commit changes those.
    /// </summary>
    public static IEnumerable<string> SplitFeedback() =>
    [
        """ALTER TABLE "MetricFactsState" ADD COLUMN "FeedbackVersion" bigint NOT NULL DEFAULT 0;""",
        """ALTER TABLE "MetricDataCommits" ADD COLUMN "Data" boolean NOT NULL DEFAULT true, ADD COLUMN "Feedback" boolean NOT NULL DEFAULT false;""",
        $$"""
        CREATE OR REPLACE FUNCTION "{{Function}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO "MetricDataCommits" ("Transaction", "Facts") VALUES (txid_current(), false)
            ON CONFLICT ("Transaction") DO UPDATE SET "Data" = true WHERE NOT "MetricDataCommits"."Data";
            RETURN NULL;
        END
        $body$;
        """,
        $$"""
        CREATE FUNCTION "{{FeedbackFunction}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO "MetricDataCommits" ("Transaction", "Facts", "Data", "Feedback") VALUES (txid_current(), false, false, true)
            ON CONFLICT ("Transaction") DO UPDATE SET "Feedback" = true WHERE NOT "MetricDataCommits"."Feedback";
            RETURN NULL;
        END
        $body$;
        """,
        """DROP TRIGGER "TR_Feedback_Version_MetricFacts" ON "Feedback";""",
        $"""
        CREATE TRIGGER "TR_Feedback_Version_MetricFacts" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Feedback"
        FOR EACH STATEMENT EXECUTE FUNCTION "{FeedbackFunction}"();
        """,
        $$"""
        CREATE OR REPLACE FUNCTION "{{Committing}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
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
        """,
    ];

    /// <summary>Undoes <see cref="SplitFeedback"/>.</summary>
    public static IEnumerable<string> JoinFeedback() =>
    [
        """DROP TRIGGER "TR_Feedback_Version_MetricFacts" ON "Feedback";""",
        $"""
        CREATE TRIGGER "TR_Feedback_Version_MetricFacts" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Feedback"
        FOR EACH STATEMENT EXECUTE FUNCTION "{Function}"();
        """,
        $"""DROP FUNCTION "{FeedbackFunction}"();""",
        NotedAtStatement,
        "CREATE OR REPLACE " + SetAtCommit,
        """ALTER TABLE "MetricDataCommits" DROP COLUMN "Data", DROP COLUMN "Feedback";""",
        """ALTER TABLE "MetricFactsState" DROP COLUMN "FeedbackVersion";""",
    ];

    /// <summary>Undoes <see cref="AtCommit"/>; run after <see cref="MetricFactsSchema.WithWaits"/>.</summary>
    public static IEnumerable<string> AtStatement() =>
    [
        $"""DROP FUNCTION "{Committing}"() CASCADE;""",
        """DROP TABLE "MetricDataCommits";""",
        $$"""
        CREATE OR REPLACE FUNCTION "{{Function}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            UPDATE "MetricFactsState" SET "Version" = floor(random() * 9007199254740991)::bigint WHERE "Id" = 1;
            RETURN NULL;
        END
        $body$;
        """,
    ];
}
