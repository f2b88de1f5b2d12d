namespace KnowledgeKaizen.Core.Courses;

/// <summary>A published document a trainer can pick for a module.</summary>
public sealed record PinnableDocument(int Id, DocumentKind Kind, string Title, string Language, int PublishedRevision);
