using KnowledgeKaizen.Core.Crm;

namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// What a dashboard shows: a half-open UTC period [<see cref="From"/>, <see cref="To"/>) and optional
/// dimensions. Team, region and rep select the responsible rep (the stage-history rep, the opportunity
/// owner, the case agent, the feedback handler); industry and source select the opportunity (for cases and
/// feedback: the customer's industry); stage selects stage-history rows.
/// </summary>
public sealed record MetricFilter(
    DateTime From,
    DateTime To,
    string? Team = null,
    string? Region = null,
    long? RepId = null,
    string? Stage = null,
    string? Industry = null,
    LeadSource? Source = null)
{
    /// <summary>Length of the period.</summary>
    public TimeSpan Length => To - From;

    /// <summary>The period of the same length that ends where this one starts, with the same dimensions.</summary>
    public MetricFilter PreviousPeriod() => this with { From = From - Length, To = From };

    /// <summary>The same period for everyone: the company figure a rep compares with.</summary>
    public MetricFilter Company() => this with { Team = null, Region = null, RepId = null };

    /// <summary>The twelve months up to the start of tomorrow (UTC).</summary>
    public static MetricFilter Default(DateTime utcNow)
    {
        var to = utcNow.Date.AddDays(1);
        return new MetricFilter(DateTime.SpecifyKind(to.AddMonths(-12), DateTimeKind.Utc), DateTime.SpecifyKind(to, DateTimeKind.Utc));
    }

    /// <summary>Query-string form, the inverse of <see cref="MetricFilterParser.Parse"/>; the To day is inclusive.</summary>
    public IReadOnlyDictionary<string, string?> ToQuery()
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        Add(query, "team", Team);
        Add(query, "region", Region);
        Add(query, "rep", RepId?.ToString(CultureInfo.InvariantCulture));
        Add(query, "stage", Stage);
        Add(query, "industry", Industry);
        Add(query, "source", Source?.ToString().ToLowerInvariant());
        return query;
    }

    private static void Add(Dictionary<string, string?> query, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query[key] = value;
        }
    }
}
