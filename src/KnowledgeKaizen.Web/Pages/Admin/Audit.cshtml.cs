namespace KnowledgeKaizen.Web.Pages.Admin;

/// <summary>The audit log: who did what, to what and when, searched by person, action, target and dates, page by page, and as CSV.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(AuditLog log) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    /// <summary>First day shown (UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day shown (UTC), included.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public AuditPage Results { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Results = await log.SearchAsync(Query(), PageNumber, ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(await log.ExportAsync(Query(), ct), "text/csv; charset=utf-8", "audit-log.csv");

    /// <summary>The filters of this page and <paramref name="page"/>, for the paging and download links.</summary>
    public Dictionary<string, string> RouteValues(int page) => new Dictionary<string, string?>
    {
        ["who"] = Who, ["action"] = Action, ["target"] = Target,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value!);

    private AuditQuery Query() => new(Who, AuditActions.All.Any(a => a.Action == Action) ? Action : null, Target,
        From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) is { } from ? new DateTimeOffset(from) : null,
        To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) is { } to ? new DateTimeOffset(to) : null);
}
