namespace KnowledgeKaizen.Core.Crm;

/// <summary>A piece of customer feedback recorded in the portal as it arrives.</summary>
public sealed record FeedbackInput(FeedbackChannel Channel, FeedbackType Type, string Text, int? Score = null,
    string? CustomerId = null, long? CaseId = null, string? Category = null, DateTime? ReceivedAt = null,
    string? HandlingRecord = null, DateTime? ResolvedAt = null);
