namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary>The API's answer: "ready" with findings, or "not-enough-data" / "pending" with the reason.</summary>
public sealed record FindingsResponse(string Status, string? Reason, string Source, int? ModelVersion, DateTimeOffset? ComputedAt,
    DateTime? From, DateTime? To, IReadOnlyList<FindingResponse> Findings);
