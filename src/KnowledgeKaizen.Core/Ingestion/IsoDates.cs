namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// ISO 8601 dates to UTC. The two shapes CRM exports use almost always (<c>2025-03-04</c> and
/// <c>2025-03-04T10:15:00Z</c>) are parsed by hand — a million rows carry two million dates, and the
/// general parser would cost more than the database insert; anything else goes to the general parser.
/// </summary>
internal static class IsoDates
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssK",
    ];

    public static bool TryParse(string text, out DateTime utc)
    {
        var s = text.AsSpan().Trim();
        if ((s.Length == 10 || (s.Length == 20 && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[19] == 'Z'))
            && s[4] == '-' && s[7] == '-'
            && TryDigits(s, 0, 4, out var year) && TryDigits(s, 5, 2, out var month) && TryDigits(s, 8, 2, out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            if (s.Length == 10)
            {
                utc = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
                return true;
            }

            if (TryDigits(s, 11, 2, out var hour) && TryDigits(s, 14, 2, out var minute) && TryDigits(s, 17, 2, out var second)
                && hour < 24 && minute < 60 && second < 60)
            {
                utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
                return true;
            }
        }

        if (DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            utc = DateTime.SpecifyKind(parsed.UtcDateTime, DateTimeKind.Utc);
            return true;
        }

        utc = default;
        return false;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
