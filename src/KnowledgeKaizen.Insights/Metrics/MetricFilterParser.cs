using KnowledgeKaizen.Core.Crm;

namespace KnowledgeKaizen.Insights.Metrics;

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
