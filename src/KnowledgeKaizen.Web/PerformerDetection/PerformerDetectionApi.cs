using System.Globalization;
using KnowledgeKaizen.Core.PerformerDetection;
using KnowledgeKaizen.Insights.PerformerDetection;

namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary>A rate interval (95% by default).</summary>
public sealed record RateInterval(double Low, double High);

/// <summary>One (rep, stage) pair as the API returns it.</summary>
public sealed record FindingResponse(string RepId, string RepName, string Team, string Stage, string Classification,
    int N, int Observed, double Expected, double RawRate, double ExpectedRate, double ShrunkRate, double ShrunkRateOnCompanyMix,
    double Lift, RateInterval Interval, double Effect, double ProbabilityStandout, double ProbabilityNeedsCoaching, string? InsufficientReason, int? ModelVersion);

/// <summary>The API's answer: "ready" with findings, or "not-enough-data" / "pending" with the reason.</summary>
public sealed record FindingsResponse(string Status, string? Reason, string Source, int? ModelVersion, DateTimeOffset? ComputedAt,
    DateTime? From, DateTime? To, IReadOnlyList<FindingResponse> Findings);

/// <summary><c>GET /api/v1/insights/performance?stage=&amp;team=&amp;from=&amp;to=</c>: findings per (rep, stage), never ranked by raw rate.</summary>
public static class PerformerDetectionApi
{
    /// <summary>Maps <c>insights/performance</c> under <paramref name="api"/> (the <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapPerformerDetectionApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/insights/performance", GetAsync).RequireAuthorization(PerformerDetectionPolicies.FindingsApi);
        return api;
    }

    private static async Task<IResult> GetAsync(string? stage, string? team, string? from, string? to, PerformerDetectionPages pages, CancellationToken ct)
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
            return Results.ValidationProblem(problems);
        }

        return Results.Ok(await pages.ApiAsync(new FindingQuery(Blank(stage), Blank(team)), start, end, ct));
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

    internal static FindingResponse ToApi(string repId, string repName, string team, string stage, FindingClass findingClass, FindingFigures f,
        string? insufficientReason, int? modelVersion) => new(
        repId, repName, team, stage, findingClass.ToString(), f.Entries, f.Advanced, Math.Round(f.Expected, 3), Math.Round(f.RawRate, 4),
        Math.Round(f.ExpectedRate, 4), Math.Round(f.ShrunkRate, 4), Math.Round(f.ShrunkRateOnCompanyMix, 4), Math.Round(f.Lift, 4),
        new RateInterval(Math.Round(f.RateLow, 4), Math.Round(f.RateHigh, 4)), Math.Round(f.Effect, 4), Math.Round(f.ProbabilityStandout, 4),
        Math.Round(f.ProbabilityCoaching, 4), insufficientReason, modelVersion);
}
