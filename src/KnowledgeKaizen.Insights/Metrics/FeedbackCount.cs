namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Feedback counts by type for one key (a month, a channel or a category).</summary>
public sealed record FeedbackCount(string Key, long Complaints, long Praise, long Suggestions)
{
    public long Total => Complaints + Praise + Suggestions;

    /// <summary>These counts with more of each type added.</summary>
    public FeedbackCount Plus(long complaints, long praise, long suggestions) =>
        this with { Complaints = Complaints + complaints, Praise = Praise + praise, Suggestions = Suggestions + suggestions };
}
