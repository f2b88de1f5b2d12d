namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>How documents enter and move within the library: content/ import and standardisation.</summary>
public partial class KnowledgeDocument
{
    /// <summary>
    /// Procedures: adopts a published playbook's practice as a new revision in force from
    /// <paramref name="effective"/>, crediting the playbook's author in the change note.
    /// </summary>
    public DocumentRevision AdoptPractice(KnowledgeDocument playbook, string body, Actor manager, DateOnly effective, DateTimeOffset now)
    {
        RequireKind(DocumentKind.Procedure);
        RequireManager(manager);
        if (Status == DocumentStatus.Archived)
        {
            throw new KnowledgeRuleException("An archived or standardised document cannot be edited.");
        }

        playbook.MarkStandardised(Id, manager, now);
        var note = string.Format(System.Globalization.CultureInfo.InvariantCulture, StandardisedNote, playbook.Title, playbook.AuthorName, playbook.Id);
        var revision = AddRevision(Title, body, manager, note, now);
        PublishCurrent(manager, effective, now);
        return revision;
    }

    /// <summary>An unsaved next revision with <paramref name="body"/>: what a proposal would change, for a diff.</summary>
    public DocumentRevision Preview(string body) =>
        new(CurrentRevisionNumber + 1, Title, body.Replace("\r\n", "\n"), null, string.Empty, null, DateTimeOffset.MinValue);

    /// <summary>
    /// Applies a content/ file: its metadata, its text as a new revision when the text differs, published
    /// from <paramref name="effective"/>. Archived and standardised documents keep their status.
    /// </summary>
    internal void ApplyImport(string title, string body, DocumentMetadata metadata, DateOnly effective, string sourceHash, DateTimeOffset now)
    {
        var kept = Status is DocumentStatus.Archived or DocumentStatus.Standardised ? Status : (DocumentStatus?)null;
        ApplyMetadata(metadata);
        if (CurrentRevision.ContentHash != DocumentRevision.Hash(title.Trim() + "\n" + body))
        {
            AddRevision(title, body, Actor.Importer, ImportNote, now);
        }

        PublishCurrent(Actor.Importer, effective, now);
        // The library is checked when this installation takes it in: a file whose revision took effect long ago is
        // due for review an interval after the import, not overdue on the first day.
        var imported = DateOnly.FromDateTime(now.UtcDateTime);
        if (imported > effective)
        {
            SetVerification(Actor.Importer, now, imported);
        }

        Status = kept ?? Status;
        MarkImported(sourceHash, now);
    }

    /// <summary>The change note of a document's first revision.</summary>
    public const string CreatedNote = "Created";

    /// <summary>The change note of a revision that restores an older one ({0}: its number).</summary>
    public const string RestoredNote = "Restored revision {0}";

    /// <summary>The change note of a revision a standardisation wrote: playbook title, author, playbook id.</summary>
    public const string StandardisedNote = "Standardised from playbook \"{0}\" by {1} (#{2})";

    /// <summary>The change note of a revision the content importer wrote.</summary>
    public const string ImportNote = "Imported from the content library";

    internal void MarkImported(string sourceHash, DateTimeOffset now)
    {
        SourceHash = sourceHash;
        Touch(now);
    }

    internal void MarkStandardised(int procedureId, Actor manager, DateTimeOffset now)
    {
        RequireKind(DocumentKind.Playbook);
        if (!IsVisibleToReaders || Status != DocumentStatus.Published)
        {
            throw new KnowledgeRuleException("Only a published playbook can be standardised.");
        }

        StandardisedIntoId = procedureId;
        Status = DocumentStatus.Standardised;
        Touch(now);
        events.Add(new DocumentStandardised(Id, procedureId, manager.UserId, manager.Name));
    }

    internal void SetAuthor(string? userId, string name)
    {
        AuthorUserId = userId;
        AuthorName = name;
    }
}
