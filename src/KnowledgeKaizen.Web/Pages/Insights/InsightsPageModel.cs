using KnowledgeKaizen.Web.Insights;

namespace KnowledgeKaizen.Web.Pages.Insights;

/// <summary>
/// A dashboard page: reads the filter and viewer once, builds its tables, and serves the same tables as CSV
/// (<c>?handler=Csv&amp;table=key</c>), so the page, its charts and the download always agree.
/// </summary>
public abstract class InsightsPageModel(InsightsRequest request) : PageModel
{
    public InsightsContext Insights { get; private set; } = null!;

    public IReadOnlyList<MetricTable> Tables { get; private set; } = [];

    /// <summary>The page's tables, or null when the page's subject does not exist for this viewer (404).</summary>
    protected abstract Task<IReadOnlyList<MetricTable>?> BuildAsync(InsightsContext insights, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Insights = await request.ReadAsync(ct);
        var tables = await BuildAsync(Insights, ct);
        if (tables is null)
        {
            return NotFound();
        }

        Tables = tables;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? table, [FromServices] AuditLog audit, CancellationToken ct)
    {
        Insights = await request.ReadAsync(ct);
        var found = (await BuildAsync(Insights, ct))?.FirstOrDefault(t => t.Key == table);
        if (found is null)
        {
            return NotFound();
        }

        var name = $"{found.Key}-{Insights.Filter.From:yyyyMMdd}-{Insights.Filter.To.AddDays(-1):yyyyMMdd}.csv";
        await audit.RecordAsync(new DataExported(name), ct);
        return File(CsvExport.Write(found), "text/csv; charset=utf-8", name);
    }

    public MetricTable Table(string key) => Tables.First(t => t.Key == key);
}
