namespace KnowledgeKaizen.Search;

/// <summary>
/// How relevance is weighed. BM25 (k1 = 1.2, b = 0.75) scores each field; matches in the title count most,
/// then tags, summary and body. The top <see cref="RescoreWindow"/> hits are then multiplied by
/// <c>(1 + Freshness · 2^(−age / FreshnessHalfLife)) · (1 + Helpfulness · tanh(votes / HelpfulnessScale))</c>:
/// at most +15 % for a document updated today and ±10 % for strong vote balances, so text relevance
/// still decides and old but excellent content is not buried.
/// </summary>
public static class RankingBoosts
{
    public const float Title = 3.0f;
    public const float Tags = 2.5f;
    public const float Summary = 1.5f;
    public const float Body = 1.0f;

    public const double Freshness = 0.15;
    public static readonly TimeSpan FreshnessHalfLife = TimeSpan.FromDays(180);

    public const double Helpfulness = 0.10;
    public const double HelpfulnessScale = 10;

    /// <summary>Hits re-ranked by freshness and helpfulness; beyond it the BM25 order stands.</summary>
    public const int RescoreWindow = 100;

    internal static double Factor(long updatedTicks, long helpfulness, DateTimeOffset now)
    {
        var ageDays = Math.Max(0, (now.UtcTicks - updatedTicks) / (double)TimeSpan.TicksPerDay);
        var fresh = 1 + (Freshness * Math.Pow(2, -ageDays / FreshnessHalfLife.TotalDays));
        var helpful = 1 + (Helpfulness * Math.Tanh(helpfulness / HelpfulnessScale));
        return fresh * helpful;
    }
}
