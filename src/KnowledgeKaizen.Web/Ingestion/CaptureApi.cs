using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using KnowledgeKaizen.Core.Crm;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>Body of <c>POST /api/v1/feedback</c> (the CSV field names).</summary>
public sealed record FeedbackRequest(
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("score")] int? Score,
    [property: JsonPropertyName("customer_id")] string? CustomerId,
    [property: JsonPropertyName("case_id")] long? CaseId,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("received_at")] DateTime? ReceivedAt,
    [property: JsonPropertyName("handling_record")] string? HandlingRecord,
    [property: JsonPropertyName("resolved_at")] DateTime? ResolvedAt);

/// <summary>Body of <c>POST /api/v1/service-cases</c>: a new case, or with case_id the handling of an existing one.</summary>
public sealed record ServiceCaseRequest(
    [property: JsonPropertyName("case_id")] long? CaseId,
    [property: JsonPropertyName("customer_id")] string? CustomerId,
    [property: JsonPropertyName("agent_id")] string? AgentId,
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("priority")] string? Priority,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("opened_at")] DateTime? OpenedAt,
    [property: JsonPropertyName("first_response_at")] DateTime? FirstResponseAt,
    [property: JsonPropertyName("resolved_at")] DateTime? ResolvedAt,
    [property: JsonPropertyName("resolution")] string? Resolution,
    [property: JsonPropertyName("satisfaction")] int? Satisfaction);

/// <summary>The single-item equivalents of the capture forms, for a token or a signed-in user.</summary>
internal static class CaptureApi
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/v1/feedback", RecordFeedbackAsync).RequireAuthorization(IngestionPolicies.CaptureApi).DisableAntiforgery();
        app.MapPost("/api/v1/service-cases", RecordCaseAsync).RequireAuthorization(IngestionPolicies.CaptureApi).DisableAntiforgery();
    }

    private static async Task<IResult> RecordFeedbackAsync(FeedbackRequest body, ClaimsPrincipal user, KnowledgeCapture capture, CancellationToken ct)
    {
        if (!TryChoice<FeedbackChannel>(body.Channel, out var channel) | !TryChoice<FeedbackType>(body.Type, out var type))
        {
            return Invalid("channel/type", "channel is phone|email|chat|web|survey|social and type is complaint|praise|suggestion.");
        }

        var result = await capture.RecordFeedbackAsync(new FeedbackInput(channel, type, body.Text ?? string.Empty, body.Score, body.CustomerId,
            body.CaseId, body.Category, Utc(body.ReceivedAt), body.HandlingRecord, Utc(body.ResolvedAt)), UserId(user), ct);
        return Outcome(result, "feedback");
    }

    private static async Task<IResult> RecordCaseAsync(ServiceCaseRequest body, ClaimsPrincipal user, KnowledgeCapture capture, CancellationToken ct)
    {
        CaseChannel? channel = null;
        CasePriority? priority = null;
        if (body.Channel is not null)
        {
            if (!TryChoice<CaseChannel>(body.Channel, out var c))
            {
                return Invalid("channel", "channel is phone|email|chat|web|onsite.");
            }

            channel = c;
        }

        if (body.Priority is not null)
        {
            if (!TryChoice<CasePriority>(body.Priority, out var p))
            {
                return Invalid("priority", "priority is low|normal|high|urgent.");
            }

            priority = p;
        }

        var result = await capture.RecordCaseAsync(new CaseInput(body.CaseId, body.CustomerId, body.AgentId, channel, body.Category, priority,
            body.Subject, body.Description, Utc(body.OpenedAt), Utc(body.FirstResponseAt), Utc(body.ResolvedAt), body.Resolution,
            body.Satisfaction), UserId(user), ct);
        return Outcome(result, "service-cases");
    }

    private static IResult Outcome(CaptureResult result, string path) => result.Succeeded
        ? Results.Created(string.Create(CultureInfo.InvariantCulture, $"/api/v1/{path}/{result.Id}"), new { id = result.Id })
        : Results.ValidationProblem(result.Problems.ToDictionary(p => p.Key, p => new[] { p.Value }));

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static bool TryChoice<TEnum>(string? value, out TEnum parsed)
        where TEnum : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && value is { Length: > 0 } && !char.IsDigit(value[0]);

    private static DateTime? Utc(DateTime? value) => value?.Kind switch
    {
        null => null,
        DateTimeKind.Local => value.Value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value.Value, DateTimeKind.Utc),
    };

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}
