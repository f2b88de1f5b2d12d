using KnowledgeKaizen.Core.Crm;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>
/// <c>/api/v1/feedback</c> and <c>/api/v1/service-cases</c>: the frontline's single-item recording, the API twins of
/// the "Record feedback" and "Record a service case" forms, for a token or a signed-in user; and the customer and
/// agent look-ups those forms use.
/// </summary>
public static class FrontlineApi
{
    /// <summary>Maps <c>feedback</c> and <c>service-cases</c> under <paramref name="api"/> (the <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapFrontlineApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/feedback", RecordFeedbackAsync).RequireAuthorization(IngestionPolicies.FrontlineApi).DisableAntiforgery()
            .WithMetadata(new RateLimited(RateLimited.Frontline))
            .WithTags("Frontline").WithSummary("Record one piece of customer feedback");
        api.MapPost("/service-cases", RecordCaseAsync).RequireAuthorization(IngestionPolicies.FrontlineApi).DisableAntiforgery()
            .WithMetadata(new RateLimited(RateLimited.Frontline))
            .WithTags("Frontline").WithSummary("Record a service case, or the handling of one (case_id)");
        // Search-as-you-type for the recording forms: everyone who may open the forms may look these up.
        api.MapGet("/lookup/customers", async (string? q, CrmLookup lookup, DisplayNames names, CancellationToken ct) =>
            TypedResults.Ok((await lookup.CustomersAsync(q, ct)).Select(p => Pick(p, names)).ToList())).RequireAuthorization(Policies.Reader)
            .WithTags("Frontline").WithSummary("Look up customers by name or id, for the recording forms");
        api.MapGet("/lookup/agents", async (string? q, CrmLookup lookup, DisplayNames names, CancellationToken ct) =>
            TypedResults.Ok((await lookup.AgentsAsync(q, ct)).Select(p => Pick(p, names)).ToList())).RequireAuthorization(Policies.Reader)
            .WithTags("Frontline").WithSummary("Look up service agents by name or id, for the recording forms");
        return api;
    }

    /// <summary>A look-up answer: the id the form posts, the name it shows, and what tells two namesakes apart.</summary>
    public sealed record LookupItem(string Id, string Name, string Detail);

    private static LookupItem Pick(CrmPick pick, DisplayNames names) => new(pick.Id, pick.Name,
        string.Join(" · ", new[] { pick.Industry is null ? null : names.Industry(pick.Industry), pick.Region, pick.Id }.Where(x => !string.IsNullOrEmpty(x))));

    private static async Task<Results<Created<RecordedItem>, ValidationProblem>> RecordFeedbackAsync(FeedbackRequest body, ClaimsPrincipal user, FrontlineRecorder recorder, CancellationToken ct)
    {
        if (!TryChoice<FeedbackChannel>(body.Channel, out var channel) | !TryChoice<FeedbackType>(body.Type, out var type))
        {
            return Invalid("channel/type", "channel is phone|email|chat|web|survey|social and type is complaint|praise|suggestion.");
        }

        var result = await recorder.RecordFeedbackAsync(new FeedbackInput(channel, type, body.Text ?? string.Empty, body.Score, body.CustomerId,
            body.CaseId, body.Category, Utc(body.ReceivedAt), body.HandlingRecord, Utc(body.ResolvedAt)), UserId(user), ct);
        return Outcome(result, "feedback");
    }

    private static async Task<Results<Created<RecordedItem>, ValidationProblem>> RecordCaseAsync(ServiceCaseRequest body, ClaimsPrincipal user, FrontlineRecorder recorder, CancellationToken ct)
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

        var result = await recorder.RecordCaseAsync(new CaseInput(body.CaseId, body.CustomerId, body.AgentId, channel, body.Category, priority,
            body.Subject, body.Description, Utc(body.OpenedAt), Utc(body.FirstResponseAt), Utc(body.ResolvedAt), body.Resolution,
            body.Satisfaction), UserId(user), ct);
        return Outcome(result, "service-cases");
    }

    private static Results<Created<RecordedItem>, ValidationProblem> Outcome(RecordingResult result, string path) => result.Succeeded
        ? TypedResults.Created(string.Create(CultureInfo.InvariantCulture, $"/api/v1/{path}/{result.Id}"), new RecordedItem(result.Id!.Value))
        : TypedResults.ValidationProblem(result.Problems.ToDictionary(p => p.Key, p => new[] { p.Value }));

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

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

/// <summary>A recorded feedback or service case.</summary>
/// <param name="Id">Its id in the portal.</param>
public sealed record RecordedItem([property: System.Text.Json.Serialization.JsonPropertyName("id")] long Id);
