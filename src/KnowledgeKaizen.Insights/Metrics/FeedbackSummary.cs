namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>Feedback and complaints (counted by the period RECEIVED) and churn (by the churn date).</summary>
public sealed record FeedbackSummary(
    IReadOnlyList<FeedbackCount> ByMonth,
    IReadOnlyList<FeedbackCount> ByChannel,
    IReadOnlyList<ComplaintResolution> ByCategory,
    ComplaintResolution AllComplaints,
    ComplaintResolution PreviousComplaints,
    long ChurnedCustomers,
    long ChurnedAfterUnresolvedComplaint,
    long PreviousChurnedCustomers)
{
    public bool IsEmpty => ByMonth.Count == 0 && ChurnedCustomers == 0;
}
