namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// Reads a CRM's dates into the portal's form. A date-time with an offset (or 'Z') is converted to UTC; one without is
/// a local time of the mapping's time zone (UI and report exports show local times); a date without a time stays that
/// calendar date. Formats: ISO 8601 (default), a .NET pattern ("M/d/yyyy", "yyyy-MM-dd HH:mm"), "epoch-ms", "epoch-s".
/// </summary>
internal sealed class DateReader(TimeZoneInfo zone)
{
    public const string EpochMilliseconds = "epoch-ms";
    public const string EpochSeconds = "epoch-s";

    private static readonly string[] LocalIsoFormats =
    [
        "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    public static DateReader Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone => zone;

    /// <summary>An IANA or Windows time-zone id, "UTC", or a fixed offset such as "+08:00"; empty is UTC.</summary>
    public static bool TryResolveZone(string? id, out TimeZoneInfo resolved)
    {
        resolved = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Trim() is "UTC" or "Z")
        {
            return true;
        }

        var text = id.Trim();
        if (text[0] is '+' or '-' && TimeSpan.TryParseExact(text[1..], ["hh\\:mm", "hhmm", "hh"], CultureInfo.InvariantCulture, out var offset))
        {
            var signed = text[0] == '-' ? -offset : offset;
            resolved = TimeZoneInfo.CreateCustomTimeZone(text, signed, text, text);
            return true;
        }

        try
        {
            resolved = TimeZoneInfo.FindSystemTimeZoneById(text);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>Whether a format is one this reader understands (a pattern is tried on a sample date).</summary>
    public static bool IsValidFormat(string? format)
    {
        if (string.IsNullOrWhiteSpace(format) || format is EpochMilliseconds or EpochSeconds)
        {
            return true;
        }

        try
        {
            var sample = new DateTime(2025, 3, 14, 15, 9, 26, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
            return sample.Length > 0 && (format.Contains('y') || format.Contains('d'));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Parses <paramref name="text"/>; the UTC instant, and whether it was a date without a time.</summary>
    public bool TryParse(string text, string? format, out DateTime utc, out bool dateOnly)
    {
        utc = default;
        dateOnly = false;
        var s = text.Trim();
        switch (format)
        {
            case EpochMilliseconds or EpochSeconds:
                if (!long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                try
                {
                    var instant = format == EpochMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(number) : DateTimeOffset.FromUnixTimeSeconds(number);
                    utc = instant.UtcDateTime;
                    return true;
                }
                catch (ArgumentOutOfRangeException)
                {
                    return false;
                }

            case null or "":
                return TryParseIso(s, out utc, out dateOnly);
            default:
                return TryParsePattern(s, format, out utc, out dateOnly);
        }
    }

    /// <summary>The portal's form: "2025-03-04" for a date, "2025-03-04T10:15:00Z" for an instant.</summary>
    public static string Format(DateTime utc, bool dateOnly) => dateOnly
        ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private bool TryParseIso(string s, out DateTime utc, out bool dateOnly)
    {
        dateOnly = s.Length == 10;
        if (dateOnly || HasOffset(s))
        {
            return IsoDates.TryParse(s, out utc);
        }

        utc = default;
        return DateTime.TryParseExact(s, LocalIsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? TryToUtc(local, out utc)
            : IsoDates.TryParse(s, out utc);
    }

    private bool TryParsePattern(string s, string format, out DateTime utc, out bool dateOnly)
    {
        utc = default;
        dateOnly = false;
        if (format.Contains('K') || format.Contains('z'))
        {
            if (!DateTimeOffset.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
            {
                return false;
            }

            utc = withOffset.UtcDateTime;
            return true;
        }

        if (!DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return false;
        }

        if (!format.Contains('H') && !format.Contains('h') && !format.Contains('m'))
        {
            dateOnly = true;
            utc = DateTime.SpecifyKind(parsed.Date, DateTimeKind.Utc);
            return true;
        }

        return TryToUtc(parsed, out utc);
    }

    /// <summary>A local time of the zone to UTC; false for a time the zone skips (the hour a clock moves forward).</summary>
    private bool TryToUtc(DateTime local, out DateTime utc)
    {
        utc = default;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return false;
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
        return true;
    }

    private static bool HasOffset(string s)
    {
        if (s.EndsWith('Z') || s.EndsWith('z'))
        {
            return true;
        }

        var t = s.IndexOf('T', StringComparison.Ordinal);
        var tail = t < 0 ? s : s[t..];
        return tail.Length > 6 && (tail[^6] is '+' or '-') && tail[^3] == ':';
    }
}
