using KnowledgeKaizen.Web.Insights;

namespace KnowledgeKaizen.Web.Pages.Insights;

/// <summary>Feedback and complaints: volume over time, by channel and category, resolution, churn.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class FeedbackModel(InsightsRequest request, ProcessMetrics metrics, MetricTables tables, IStringLocalizer<SharedResource> l) : InsightsPageModel(request)
{
    protected override async Task<IReadOnlyList<MetricTable>?> BuildAsync(InsightsContext insights, CancellationToken ct)
    {
        var feedback = await metrics.FeedbackAsync(insights.Filter, ct);
        return
        [
            tables.FeedbackSummary(feedback, insights.Compare),
            tables.FeedbackCounts("feedback-month", l["Feedback by month"], l["Month"], feedback.ByMonth, k => k, "bar"),
            tables.FeedbackCounts("feedback-channel", l["Feedback by channel"], l["Channel"], feedback.ByChannel, k => l[k], "bar"),
            tables.ComplaintCategories(feedback),
        ];
    }
}
