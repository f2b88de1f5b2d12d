using KnowledgeKaizen.Web.Insights;

namespace KnowledgeKaizen.Web.Pages.Insights;

/// <summary>Overview: the article's sales KPIs against the previous period, and the funnel.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(InsightsRequest request, ProcessMetrics metrics, MetricTables tables) : InsightsPageModel(request)
{
    protected override async Task<IReadOnlyList<MetricTable>?> BuildAsync(InsightsContext insights, CancellationToken ct)
    {
        var overview = await metrics.OverviewAsync(insights.Filter, ct);
        return [tables.Kpis(overview.Current, overview.Previous, insights.Compare), tables.Funnel(overview.Funnel)];
    }
}
