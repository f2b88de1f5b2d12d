namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>Composes the details view from the knowledge services so the page model stays thin.</summary>
public sealed class DocumentPages(KnowledgeService knowledge, KnowledgeReader reader, ReaderFeedbackService feedback, MarkdownHtml html, TimeProvider clock)
{
    /// <summary>
    /// Readers get the revision in force; authors and managers may ask for any revision (default: the
    /// latest). Null when the document does not exist or the actor may not read it.
    /// </summary>
    public async Task<DocumentView?> ViewAsync(int id, int? revision, Actor actor, CancellationToken ct = default)
    {
        var document = await knowledge.FindAsync(id, actor, ct);
        if (document is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var canEdit = document.CanEdit(actor);
        var inForce = document.IsVisibleToReaders ? document.RevisionInForce(today) ?? document.Revision(document.PublishedRevisionNumber!.Value) : null;
        // A reviewer opening a document in review reads the revision under review; others start from the text in force.
        var preferred = actor.IsManager && document.Status == DocumentStatus.InReview ? document.CurrentRevision : inForce ?? document.CurrentRevision;
        var shown = canEdit
            ? (revision is { } n ? document.Revision(n) : null) ?? (revision is null ? preferred : null)
            : inForce;
        if (shown is null)
        {
            return null;
        }

        var userId = actor.UserId ?? string.Empty;
        var languages = await reader.LanguageVersionsAsync([(document.Id, document.Kind, document.Slug, document.Language)], actor, ct);
        return new DocumentView(
            document,
            shown,
            shown.Number == inForce?.Number,
            html.Revision(shown),
            // The snapshot is shown beside the text only when the text no longer carries it: the evidence appears once.
            canEdit && document.EvidenceSnapshot is { } evidence && !EvidenceText.IsIn(evidence, shown.Body) ? html.Text(evidence) : null,
            await reader.FeedbackAsync(id, ct),
            await reader.MyFeedbackAsync(id, userId, ct),
            canEdit ? await feedback.ReasonsAsync(id, ct) : [],
            document.Kind == DocumentKind.Procedure ? await reader.PlaybooksImprovingAsync(document, actor, ct) : [],
            document.Kind == DocumentKind.Playbook ? await reader.ImprovedProceduresAsync(document, ct) : [],
            document.Kind == DocumentKind.Solution ? await reader.CaseLinksAsync(id, ct) : [],
            canEdit,
            actor.IsManager,
            document.IsOverdue(today),
            languages[document.Id]);
    }
}
