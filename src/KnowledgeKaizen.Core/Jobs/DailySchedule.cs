namespace KnowledgeKaizen.Core.Jobs;

/// <summary>A time of day (in the server's time zone) at which a job kind is queued once a day.</summary>
public static class DailySchedule
{
    /// <summary>
    /// Whether a run is due at <paramref name="now"/>: a scheduled time has passed since the last run was queued (or,
    /// when there never was one, since <paramref name="since"/>, e.g. the start) — so a time missed while the portal was
    /// down is made up at the next start, and a fresh install waits for its first scheduled time.
    /// </summary>
    public static bool IsDue(TimeOnly at, DateTimeOffset? lastQueued, DateTimeOffset since, DateTimeOffset now, TimeZoneInfo zone)
    {
        var baseline = lastQueued ?? since;
        return LatestScheduled(at, now, zone) is { } scheduled && scheduled > baseline && scheduled <= now;
    }

    /// <summary>The last scheduled time at or before <paramref name="now"/>.</summary>
    internal static DateTimeOffset? LatestScheduled(TimeOnly at, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        for (var day = 0; day < 3; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(-day);
            var wall = date.ToDateTime(at);

            // A time skipped by a daylight-saving change does not exist that day: the next valid minute stands for it.
            while (zone.IsInvalidTime(wall))
            {
                wall = wall.AddMinutes(1);
            }

            var instant = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (instant <= now)
            {
                return instant;
            }
        }

        return null;
    }

    /// <summary>Whether a setting is a time of day ("HH:mm") or empty (no daily run): checked at start, so a typo stops it.</summary>
    public static bool IsValid(string? text) => string.IsNullOrWhiteSpace(text) || TryParse(text, out _);

    /// <summary>"HH:mm" → the time; empty or unreadable → null (no daily run; <see cref="IsValid"/> refused the latter at start).</summary>
    public static TimeOnly? Parse(string? text) => TryParse(text, out var at) ? at : null;

    private static bool TryParse(string? text, out TimeOnly at) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out at);
}
