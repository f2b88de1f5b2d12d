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
