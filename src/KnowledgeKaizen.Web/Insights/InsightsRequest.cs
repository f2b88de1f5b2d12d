namespace KnowledgeKaizen.Web.Insights;

/// <summary>
/// Reads the filter from the query string (bad values become notices, never errors), resolves the viewer
/// (KnowledgeManager and Admin see every rep; others their linked rep) and scopes the filter to what the
/// viewer may see.
/// </summary>
public sealed class InsightsRequest(ProcessMetrics metrics, IHttpContextAccessor http, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<InsightsContext> ReadAsync(CancellationToken ct)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("Insights need an HTTP request.");
        var user = context.User;
        var (requested, parsed) = MetricFilterParser.Parse(k => context.Request.Query[k].FirstOrDefault(), clock.GetUtcNow().UtcDateTime);
        var notices = parsed.Select(n => l[n.Message, n.Parameter, n.Value].Value).ToList();
        var viewer = await metrics.ViewerAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name,
            user.IsInRole(Roles.KnowledgeManager) || user.IsInRole(Roles.Admin), ct);
        var (filter, restricted) = viewer.Scope(requested);
        if (restricted)
        {
            notices.Add(l["Rep, team and region filters on this page are for knowledge managers; you see company figures."].Value);
        }

        var compare = !string.Equals(context.Request.Query["compare"].FirstOrDefault(), "off", StringComparison.OrdinalIgnoreCase);
        return new InsightsContext(filter, requested, notices, viewer, await metrics.FilterOptionsAsync(viewer, ct), compare);
    }
}
