using System.Text.Json.Serialization;

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
