namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>Outcome of <see cref="CaptureRequestService.SendAsync"/>.</summary>
public sealed record CaptureSendResult(CaptureSendStatus Status, long? RequestId = null);
