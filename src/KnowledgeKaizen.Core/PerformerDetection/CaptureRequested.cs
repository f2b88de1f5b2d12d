namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>A standout rep was asked to write down how they work at <paramref name="Stage"/> (a stage code).</summary>
public sealed record CaptureRequested(long RequestId, string RepUserId, string Stage, string RequestedBy) : IDomainEvent;
