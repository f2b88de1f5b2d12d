using System.Data;

namespace KnowledgeKaizen.Insights.PerformerDetection.Retraining;

/// <summary>
/// Maps the CRM tables to the engine's <see cref="StageOutcomeObservation"/>: one row per closed stage entry
/// (Advanced or Lost) with the deal's features, the customer's closed deals and wins before the opportunity was
/// created, and the rep's activities on that opportunity while it was in the stage (explanation only).
/// The rep id is the CRM rep's database id, so renaming a rep (or re-importing under a new name) keeps their history.
/// </summary>
public sealed class StageOutcomeSource(KnowledgeKaizenDbContext db)
{
    // Prior deals: correlated counts over the customer's few other opportunities. The index hints keep SQLite on the
    // CustomerId / OpportunityId indexes: left to itself it picks the Outcome+ClosedAt or RepId index and scans
    // thousands of rows per entry (measured 55 s instead of 1 s on the demo data).
    private static string Sql(ISqlDialect sql, string period) => $"""
        WITH prior AS (
            SELECT o."Id" AS "OpportunityId",
                   (SELECT COUNT(*) FROM "Opportunities" p WHERE p."CustomerId" = o."CustomerId" AND p."Id" <> o."Id"
                        AND {sql.WithoutIndex("p.\"ClosedAt\"")} IS NOT NULL AND {sql.WithoutIndex("p.\"ClosedAt\"")} < o."CreatedAt") AS "Deals",
                   (SELECT COUNT(*) FROM "Opportunities" p WHERE p."CustomerId" = o."CustomerId" AND p."Id" <> o."Id"
                        AND {sql.WithoutIndex("p.\"Outcome\"")} = 'Won' AND {sql.WithoutIndex("p.\"ClosedAt\"")} < o."CreatedAt") AS "Wins"
            FROM "Opportunities" o),
        work AS (
            SELECT h."Id" AS "EntryId",
                   {sql.CountWhere("a.\"Type\" = 'Visit'")} AS "Visits", {sql.CountWhere("a.\"Type\" = 'Call'")} AS "Calls",
                   {sql.CountWhere("a.\"Type\" = 'Proposal'")} AS "Proposals", {sql.CountWhere("a.\"Type\" = 'Quote'")} AS "Quotes",
                   MIN(a."OccurredAt") AS "FirstActivity"
            FROM "StageHistory" h
            JOIN "Activities" a ON a."OpportunityId" = h."OpportunityId" AND {sql.WithoutIndex("a.\"RepId\"")} = h."RepId"
                 AND a."OccurredAt" >= h."EnteredAt" AND a."OccurredAt" <= h."LeftAt"
            WHERE h."Outcome" IN ('Advanced', 'Lost') {period}
            GROUP BY h."Id")
        SELECT h."RepId", s."Code", o."ExternalId", o."Amount", o."Industry", o."Region", o."Source",
               COALESCE(pr."Deals", 0), COALESCE(pr."Wins", 0), h."EnteredAt",
               {sql.DaysBetween("h.\"EnteredAt\"", "h.\"LeftAt\"")}, {sql.Flag("h.\"Outcome\" = 'Advanced'")},
               COALESCE(w."Visits", 0), COALESCE(w."Calls", 0), COALESCE(w."Proposals", 0), COALESCE(w."Quotes", 0),
               {sql.DaysBetween("h.\"EnteredAt\"", "w.\"FirstActivity\"")} * 24
        FROM "StageHistory" h
        JOIN "Opportunities" o ON o."Id" = h."OpportunityId"
        JOIN "SalesStages" s ON s."Id" = h."StageId"
        LEFT JOIN prior pr ON pr."OpportunityId" = h."OpportunityId"
        LEFT JOIN work w ON w."EntryId" = h."Id"
        WHERE h."Outcome" IN ('Advanced', 'Lost') {period}
        ORDER BY h."Id"
        """;

    /// <summary>
    /// Closed stage entries decided (left) in [<paramref name="from"/>, <paramref name="to"/>) — all of them when
    /// both are null. Streams the reader once; about 43k rows of the demo data load in well under a second.
    /// </summary>
    public async Task<List<StageOutcomeObservation>> LoadAsync(DateTime? from, DateTime? to, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        var period = string.Empty;
        await using var command = connection.CreateCommand();
        if (from is { } start)
        {
            period += " AND h.\"LeftAt\" >= @from";
            AddParameter(command, "@from", db.Sql.Instant(start));
        }

        if (to is { } end)
        {
            period += " AND h.\"LeftAt\" < @to";
            AddParameter(command, "@to", db.Sql.Instant(end));
        }

        command.CommandText = Sql(db.Sql, period);
        var rows = new List<StageOutcomeObservation>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new StageOutcomeObservation(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetDouble(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                (int)reader.GetInt64(7),
                (int)reader.GetInt64(8),
                DateTime.SpecifyKind(reader.GetDateTime(9), DateTimeKind.Utc),
                reader.IsDBNull(10) ? 0 : reader.GetDouble(10),
                reader.GetInt64(11) == 1)
            {
                VisitsAtStage = (int)reader.GetInt64(12),
                CallsAtStage = (int)reader.GetInt64(13),
                ProposalsAtStage = (int)reader.GetInt64(14),
                QuotesAtStage = (int)reader.GetInt64(15),
                HoursToFirstActivity = reader.IsDBNull(16) ? null : reader.GetDouble(16),
            });
        }

        return rows;
    }

    /// <summary>Current name and team of every rep, by database id.</summary>
    public async Task<Dictionary<long, (string ExternalId, string Name, string Team)>> RepsAsync(CancellationToken ct = default) =>
        await db.Reps.AsNoTracking().ToDictionaryAsync(r => r.Id, r => (r.ExternalId, r.Name, r.Team), ct);

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
