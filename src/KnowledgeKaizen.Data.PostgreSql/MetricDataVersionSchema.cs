namespace KnowledgeKaizen.Data.PostgreSql;

/// <summary>
/// The data version the dashboards' result cache is keyed by (<c>MetricFactsState.Version</c>), as on SQLite: any
/// insert, update, delete or truncate of a table the metrics read gives it a new random value inside the writer's
/// transaction (one statement-level trigger per table, however many rows). Readers see the new value exactly when
/// they see the new rows; concurrent writers queue on the one state row until the first commits.
/// </summary>
internal static class MetricDataVersionSchema
{
    private const string Function = "MetricData_Changed";

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
}
