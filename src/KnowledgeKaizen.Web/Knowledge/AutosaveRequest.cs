namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>Body of an autosave: the editor's text, the slot and the version it started from.</summary>
public sealed record AutosaveRequest(string? Slot, string? Title, string? Body, int? BaseVersion);
