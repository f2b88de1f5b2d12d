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
        var revision = AddRevision(Title, body, manager, $"Standardised from playbook \"{playbook.Title}\" by {playbook.AuthorName} (#{playbook.Id})", now);
        PublishCurrent(manager, effective, now);
        return revision;
    }

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
            AddRevision(title, body, Actor.Importer, "Imported from content/", now);
        }

        PublishCurrent(Actor.Importer, effective, now);
        Status = kept ?? Status;
        MarkImported(sourceHash, now);
    }

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
