namespace KnowledgeKaizen.Core.Analytics;

/// <summary>What people searched for over a period, for the knowledge managers.</summary>
public sealed record SearchAnalyticsReport(
    int Days,
    int Searches,
    int ZeroResultSearches,
    IReadOnlyList<QueryStat> TopQueries,
    IReadOnlyList<QueryGap> ContentGaps,
    IReadOnlyList<QueryGap> NoClicks,
    IReadOnlyList<PositionClickThrough> ClickThrough);

/// <summary>A query text with how often it was run, how often a result was opened and its average result count.</summary>
public sealed record QueryStat(string Text, int Searches, int Clicks, double AverageResults);

/// <summary>A query that found nothing (content gap) or found results nobody opened.</summary>
public sealed record QueryGap(string Text, int Searches, DateTime LastSearched);

/// <summary>
/// Click-through at one result position: opened results at that position divided by searches that showed
/// at least that many results.
/// </summary>
public sealed record PositionClickThrough(int Position, int Clicks, int Impressions)
{
    public double Rate => Impressions == 0 ? 0 : (double)Clicks / Impressions;
}
