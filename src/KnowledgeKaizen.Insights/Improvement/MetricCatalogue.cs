using KnowledgeKaizen.Insights.Metrics;

namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>The target metrics a cycle can pick, each an SQL query over the CRM tables.</summary>
public sealed class MetricCatalogue
{
    private const string ComplaintInWindow = """
        EXISTS (SELECT 1 FROM "Feedback" f WHERE f."CustomerId" = c."Id" AND f."Type" = 'Complaint'
            AND f."ReceivedAt" >= @from AND f."ReceivedAt" < @to)
        """;

    /// <summary>The shipped catalogue.</summary>
    public static readonly MetricCatalogue Default = new([
        new("stage-conversion", "Conversion at a stage", MetricShape.Proportion, true, 1, true, true, "%", 100, sql => $$"""
            SELECT h."RepId", {{sql.Flag("h.\"Outcome\" = 'Advanced'")}}, h."LeftAt" FROM "StageHistory" h
            JOIN "SalesStages" s ON s."Id" = h."StageId" {team:h."RepId"}
            WHERE s."Code" = @stage AND h."Outcome" <> 'Open' AND h."LeftAt" >= @from AND h."LeftAt" < @to
            """),
        new("win-rate", "Opportunity win rate", MetricShape.Proportion, true, 1, false, true, "%", 100, sql => $$"""
            SELECT o."OwnerId", {{sql.Flag("o.\"Outcome\" = 'Won'")}}, o."ClosedAt" FROM "Opportunities" o {team:o."OwnerId"}
            WHERE o."Outcome" <> 'Open' AND o."ClosedAt" >= @from AND o."ClosedAt" < @to
            """),
        new("conversion-cycle", "Conversion cycle (median)", MetricShape.Duration, false, 1, false, true, "days", 1, sql => $$"""
            SELECT o."OwnerId", {{sql.DaysBetween("o.\"CreatedAt\"", "o.\"ClosedAt\"")}}, o."ClosedAt" FROM "Opportunities" o {team:o."OwnerId"}
            WHERE o."Outcome" = 'Won' AND o."ClosedAt" >= @from AND o."ClosedAt" < @to
            """),
        new("first-response", "First-response time (median)", MetricShape.Duration, false, 1, false, true, "h", 1, sql => $$"""
            SELECT c."AgentId", {{sql.DaysBetween("c.\"OpenedAt\"", "c.\"FirstResponseAt\"")}} * 24, c."OpenedAt" FROM "ServiceCases" c {team:c."AgentId"}
            WHERE c."FirstResponseAt" IS NOT NULL AND c."OpenedAt" >= @from AND c."OpenedAt" < @to
            """),
        new("complaint-resolution", "Complaint resolution rate", MetricShape.Proportion, true, 1, false, true, "%", 100, sql => $$"""
            SELECT f."HandledById", {{sql.Flag("f.\"ResolvedAt\" IS NOT NULL")}}, f."ReceivedAt" FROM "Feedback" f {team:f."HandledById"}
            WHERE f."Type" = 'Complaint' AND f."ReceivedAt" >= @from AND f."ReceivedAt" < @to
            """),
        new("complaint-rate", "Customers complaining per 100 customers", MetricShape.Proportion, false, 1, false, false, "per 100", 100, sql => $$"""
            SELECT NULL, {{sql.Flag(ComplaintInWindow)}}, @from
            FROM "Customers" c WHERE c."CreatedAt" < @to AND (c."ChurnedAt" IS NULL OR c."ChurnedAt" >= @from)
            """),
    ]);

    public MetricCatalogue(IReadOnlyList<CatalogueMetric> metrics) => Metrics = metrics;

    public IReadOnlyList<CatalogueMetric> Metrics { get; }

    public CatalogueMetric? Find(string? key) => Metrics.FirstOrDefault(m => m.Key == key);

    /// <summary>The metric's SQL with the team join filled in (or removed) and its parameters.</summary>
    internal static (string Sql, SqlScope Scope) Bind(CatalogueMetric metric, TargetMetric target, DateTime from, DateTime to, ISqlDialect dialect)
    {
        var scope = new SqlScope(dialect).Parameter("@from", dialect.Instant(from)).Parameter("@to", dialect.Instant(to))
            .Parameter("@stage", target.Stage ?? string.Empty).Parameter("@team", target.Team ?? string.Empty);
        var sql = System.Text.RegularExpressions.Regex.Replace(metric.Sql(dialect), @"\{team:([\w\.""]+)\}", m =>
            metric.HasTeam && !string.IsNullOrEmpty(target.Team) ? $"JOIN \"Reps\" tr ON tr.\"Id\" = {m.Groups[1].Value} AND tr.\"Team\" = @team" : string.Empty);
        return (sql, scope);
    }
}
