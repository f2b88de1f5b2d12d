using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary><c>GET /api/v1/insights/performance?stage=&amp;team=&amp;from=&amp;to=</c>: findings per (rep, stage), never ranked by raw rate.</summary>
public static class PerformerDetectionApi
{
    /// <summary>Maps <c>insights/performance</c> under <paramref name="api"/> (the <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapPerformerDetectionApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/insights/performance", GetAsync).RequireAuthorization(PerformerDetectionPolicies.FindingsApi);
        return api;
    }

    private static async Task<Results<Ok<FindingsResponse>, ValidationProblem>> GetAsync(string? stage, string? team, string? from, string? to, PerformerDetectionPages pages, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var start = ParseDate(from, nameof(from), problems);
        var end = ParseDate(to, nameof(to), problems);
        if (start is not null && end is not null && start >= end)
        {
            problems[nameof(to)] = ["'to' must be after 'from'."];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        return TypedResults.Ok(await pages.ApiAsync(new FindingQuery(Blank(stage), Blank(team)), start, end, ct));
    }

    private static DateTime? ParseDate(string? value, string name, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        problems[name] = [$"'{name}' must be an ISO 8601 date, e.g. 2026-01-31."];
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
