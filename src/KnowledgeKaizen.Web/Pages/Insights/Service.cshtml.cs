using KnowledgeKaizen.Web.Insights;

namespace KnowledgeKaizen.Web.Pages.Insights;

/// <summary>Service: response and resolution times, cost, satisfaction and the open backlog.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class ServiceModel(InsightsRequest request, ProcessMetrics metrics, MetricTables tables, DisplayNames names, IStringLocalizer<SharedResource> l)
    : InsightsPageModel(request)
{
    protected override async Task<IReadOnlyList<MetricTable>?> BuildAsync(InsightsContext insights, CancellationToken ct)
    {
        var service = await metrics.ServiceAsync(insights.Filter, ct);
        return
        [
            tables.ServiceSummary(service, insights.Compare),
            tables.ServiceGroups("service-month", l["Cases by month"], l["Month"], service.ByMonth, k => k, new ChartSpec("line", [3, 5])),
            tables.ServiceGroups("service-channel", l["Cases by channel"], l["Channel"], service.ByChannel, k => l[k]),
            tables.ServiceGroups("service-category", l["Cases by category"], l["Category"], service.ByCategory, names.Category),
            tables.Backlog(service),
        ];
    }
}
