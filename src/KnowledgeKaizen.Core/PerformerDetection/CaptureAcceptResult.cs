namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>Outcome of accepting a request: the draft to open, or why not.</summary>
public sealed record CaptureAcceptResult(bool Succeeded, int? PlaybookId, string? Problem);
