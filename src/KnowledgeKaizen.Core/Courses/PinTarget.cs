namespace KnowledgeKaizen.Core.Courses;

/// <summary>A published revision a module may be pinned to, with the document's title for display.</summary>
public sealed record PinTarget(int DocumentId, int RevisionNumber, string Title);
