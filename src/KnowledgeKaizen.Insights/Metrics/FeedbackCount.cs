namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Feedback counts by type for one key (a month, a channel or a category).</summary>
public sealed record FeedbackCount(string Key, long Complaints, long Praise, long Suggestions)
{
    public long Total => Complaints + Praise + Suggestions;
}
