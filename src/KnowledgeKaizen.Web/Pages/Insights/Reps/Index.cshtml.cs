using KnowledgeKaizen.Web.Insights;

namespace KnowledgeKaizen.Web.Pages.Insights.Reps;

/// <summary>
/// The rep × stage conversion heatmap. Managers see every rep; anyone else only their own row next to the
/// company. Sortable by name, volume or any stage's rate (<c>?sort=stage-code&amp;dir=asc</c>).
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(InsightsRequest request, ProcessMetrics metrics, MetricTables tables) : InsightsPageModel(request)
{
    /// <summary>Below this many decided entries a cell is drawn faded: too small a sample to judge.</summary>
    public const int SmallSample = 20;

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    public RepStageMatrix Matrix { get; private set; } = new([], [], []);

    public bool Descending => !string.Equals(Dir, "asc", StringComparison.OrdinalIgnoreCase);

    protected override async Task<IReadOnlyList<MetricTable>?> BuildAsync(InsightsContext insights, CancellationToken ct)
    {
        // The heatmap's point is comparing reps, so rep/team/region filters apply here for managers.
        var matrix = await metrics.RepStageMatrixAsync(insights.Viewer, insights.Viewer.SeesAllReps ? insights.Requested : insights.Filter, ct);
        IEnumerable<RepStageRow> rows = Sort switch
        {
            "decided" => matrix.Rows.OrderBy(r => r.Decided),
            { } code when matrix.Stages.Any(s => s.Code == code) => matrix.Rows.OrderBy(r => r.Cell(code)?.Rate ?? -1).ThenBy(r => r.Cell(code)?.Decided ?? 0),
            _ => matrix.Rows.OrderBy(r => r.Rep.Name, StringComparer.CurrentCulture),
        };
        if (Descending && Sort is not null && Sort != "name")
        {
            rows = rows.Reverse();
        }

        Matrix = matrix with { Rows = [.. rows] };
        return [tables.Heatmap(Matrix)];
    }
}
