namespace KnowledgeKaizen.Core.Courses;

/// <summary>
/// A module with what it teaches: the pinned revision's text and the document's state today, so pages and
/// exports can flag pins that fell behind or point at archived documents.
/// </summary>
public sealed record ModuleContent(CourseModule Module, DocumentKind Kind, DocumentStatus DocumentStatus, int? PublishedRevision, DocumentRevision Pinned)
{
    /// <summary>A newer published revision waits for the trainer's review.</summary>
    public bool HasNewerRevision => DocumentStatus != DocumentStatus.Archived && Module.IsBehind(PublishedRevision);

    /// <summary>The document was archived; the course still teaches (and exports) the pinned revision.</summary>
    public bool IsArchived => DocumentStatus == DocumentStatus.Archived;
}
