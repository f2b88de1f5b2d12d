namespace KnowledgeKaizen.Core.Analytics;

/// <summary>
/// Click-through at one result position: opened results at that position divided by searches that showed
/// at least that many results.
/// </summary>
public sealed record PositionClickThrough(int Position, int Clicks, int Impressions)
{
    public double Rate => Impressions == 0 ? 0 : (double)Clicks / Impressions;
}
