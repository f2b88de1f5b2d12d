using System.Text.Json.Serialization;

namespace KnowledgeKaizen.Web.Ingestion;

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
