using KnowledgeKaizen.Web.Insights;

namespace KnowledgeKaizen.Web.Pages.Insights.Reps;

/// <summary>
/// One rep against team and company. Sections are partials so other panels (e.g. findings against expectation)
/// can be added beside them. Other reps' pages are 404 for a viewer who is not a manager.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class DetailModel(InsightsRequest request, ProcessMetrics metrics, MetricTables tables) : InsightsPageModel(request)
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public RepReport Report { get; private set; } = null!;

    protected override async Task<IReadOnlyList<MetricTable>?> BuildAsync(InsightsContext insights, CancellationToken ct)
    {
        var report = await metrics.RepReportAsync(insights.Viewer, Id, insights.Requested, ct);
        if (report is null)
        {
            return null;
        }

        Report = report;
        return [tables.RepStages(report), tables.RepTrend(report), tables.RepActivities(report), tables.RepKpis(report)];
    }
}
