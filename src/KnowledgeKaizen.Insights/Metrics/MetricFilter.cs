using System.Globalization;
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

/// <summary>A filter value from the URL that was not used, and why (shown to the user as a notice).</summary>
/// <param name="Parameter">Query parameter name.</param>
/// <param name="Message">English message (a localisation key) with {0} = the parameter, {1} = the value.</param>
/// <param name="Value">The rejected value.</param>
public sealed record FilterNotice(string Parameter, string Message, string Value);

/// <summary>Reads a <see cref="MetricFilter"/> from query-string values: bad values are dropped with a notice, never an error.</summary>
public static class MetricFilterParser
{
    public const string NotADate = "The {0} value \"{1}\" is not a date (use YYYY-MM-DD) and was ignored.";
    public const string NotARep = "The {0} value \"{1}\" is not a rep id and was ignored.";
    public const string NotASource = "The {0} value \"{1}\" is not a lead source and was ignored.";
    public const string Swapped = "The date range was reversed; the dates {1} were swapped.";
    public const string TooLong = "The {0} value is too long and was ignored.";

    private const int MaxTextLength = 100;

    public static (MetricFilter Filter, IReadOnlyList<FilterNotice> Notices) Parse(Func<string, string?> query, DateTime utcNow)
    {
        var notices = new List<FilterNotice>();
        var fallback = MetricFilter.Default(utcNow);
        var from = Date(query, "from", notices);
        var to = Date(query, "to", notices)?.AddDays(1);
        if (from is { } f && to is { } t && t <= f)
        {
            notices.Add(new FilterNotice("from", Swapped, $"{f:yyyy-MM-dd} ↔ {t.AddDays(-1):yyyy-MM-dd}"));
            (from, to) = (t.AddDays(-1), f.AddDays(1));
        }

        var end = to ?? (from is { } onlyFrom && onlyFrom >= fallback.To ? onlyFrom.AddMonths(12) : fallback.To);
        var start = from ?? end.AddMonths(-12);
        return (new MetricFilter(
            DateTime.SpecifyKind(start, DateTimeKind.Utc),
            DateTime.SpecifyKind(end, DateTimeKind.Utc),
            Text(query, "team", notices),
            Text(query, "region", notices),
            Rep(query, notices),
            Text(query, "stage", notices),
            Text(query, "industry", notices),
            Source(query, notices)), notices);
    }

    private static DateTime? Date(Func<string, string?> query, string key, List<FilterNotice> notices)
    {
        var raw = query(key);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (DateTime.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 9000)
        {
            return date;
        }

        notices.Add(new FilterNotice(key, NotADate, Clip(raw)));
        return null;
    }

    private static string? Text(Func<string, string?> query, string key, List<FilterNotice> notices)
    {
        var raw = query(key)?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (raw.Length > MaxTextLength)
        {
            notices.Add(new FilterNotice(key, TooLong, Clip(raw)));
            return null;
        }

        return raw;
    }

    private static long? Rep(Func<string, string?> query, List<FilterNotice> notices)
    {
        var raw = query("rep");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (long.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        notices.Add(new FilterNotice("rep", NotARep, Clip(raw)));
        return null;
    }

    private static LeadSource? Source(Func<string, string?> query, List<FilterNotice> notices)
    {
        var raw = query("source");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (Enum.TryParse<LeadSource>(raw.Trim(), ignoreCase: true, out var source) && Enum.IsDefined(source)
            && !raw.Trim().All(char.IsDigit))
        {
            return source;
        }

        notices.Add(new FilterNotice("source", NotASource, Clip(raw)));
        return null;
    }

    private static string Clip(string raw) => raw.Length > 40 ? raw[..40] + "…" : raw;
}
