namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>Read side of the library: lists, review queue, overdue list and links between documents.</summary>
public sealed class KnowledgeReader(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    public const int PageSize = 200;

    /// <summary>Documents the actor may see: readers published ones, authors also their own, managers all.</summary>
    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(DocumentFilter filter, Actor actor, CancellationToken ct = default)
    {
        var query = Visible(actor);
        if (filter.Kind is { } kind)
        {
            query = query.Where(d => d.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Stage))
        {
            query = query.Where(d => d.Stages.Contains(filter.Stage));
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            query = query.Where(d => d.Tags.Contains(filter.Tag));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            query = query.Where(d => d.Language == filter.Language);
        }

        if (filter.OnlyMine)
        {
            query = query.Where(d => d.AuthorUserId == actor.UserId);
        }

        if (string.IsNullOrWhiteSpace(filter.Language) && filter.PreferredLanguage is { } preferred)
        {
            var matches = query;
            query = query.Where(d => d.Language == preferred
                || !matches.Any(o => o.Kind == d.Kind && o.Slug == d.Slug && o.Language == preferred));
        }

        return await SummariseAsync(query.OrderBy(d => d.Title).Take(PageSize), ct);
    }

    /// <summary>Documents waiting for a KnowledgeManager, oldest first.</summary>
    public Task<IReadOnlyList<DocumentSummary>> ReviewQueueAsync(CancellationToken ct = default) =>
        SummariseAsync(db.KnowledgeDocuments.Where(d => d.Status == DocumentStatus.InReview).OrderBy(d => d.UpdatedAt), ct);

    /// <summary>Published documents whose verify-by date has passed, most overdue first.</summary>
    public Task<IReadOnlyList<DocumentSummary>> OverdueAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return SummariseAsync(db.KnowledgeDocuments
            .Where(d => d.PublishedRevisionNumber != null && d.Status != DocumentStatus.Archived && d.VerifyBy != null && d.VerifyBy < today)
            .OrderBy(d => d.VerifyBy), ct);
    }

    /// <summary>Tags in use for a kind, for the filter drop-down.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(DocumentKind kind, Actor actor, CancellationToken ct = default)
    {
        var tags = await Visible(actor).Where(d => d.Kind == kind).Select(d => d.Tags).ToListAsync(ct);
        return [.. tags.SelectMany(t => t).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public async Task<FeedbackCounts> FeedbackAsync(int documentId, CancellationToken ct = default) =>
        (await CountFeedbackAsync([documentId], ct)).GetValueOrDefault(documentId, FeedbackCounts.None);

    /// <summary>The actor's own vote and outdated flag on a document, to show the buttons pressed.</summary>
    public async Task<IReadOnlyList<FeedbackKind>> MyFeedbackAsync(int documentId, string userId, CancellationToken ct = default) =>
        await db.DocumentFeedback.Where(f => f.DocumentId == documentId && f.UserId == userId && !f.Resolved).Select(f => f.Kind).ToListAsync(ct);

    /// <summary>Visible playbooks improving a step of the procedure (same slug, same language).</summary>
    public async Task<IReadOnlyList<(string Step, DocumentSummary Playbook)>> PlaybooksImprovingAsync(KnowledgeDocument procedure, Actor actor, CancellationToken ct = default)
    {
        var prefix = procedure.Slug + "#";
        var matches = await Visible(actor).Where(d => d.Kind == DocumentKind.Playbook && d.Language == procedure.Language
            && d.Improves.Any(i => i.StartsWith(prefix))).Select(d => new { d.Id, d.Improves }).ToListAsync(ct);
        var ids = matches.Select(m => m.Id).ToList();
        var summaries = (await SummariseAsync(db.KnowledgeDocuments.Where(d => ids.Contains(d.Id)), ct)).ToDictionary(s => s.Id);
        return [.. matches.SelectMany(m => m.Improves.Where(i => i.StartsWith(prefix, StringComparison.Ordinal))
            .Select(i => (Step: i[prefix.Length..], Playbook: summaries[m.Id]))).OrderBy(x => x.Step, StringComparer.Ordinal)];
    }

    /// <summary>Published procedures in a language with their numbered steps, by title: what a playbook can improve.</summary>
    public async Task<IReadOnlyList<ProcedureOutline>> ProcedureOutlinesAsync(string language, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var procedures = await db.KnowledgeDocuments.AsNoTracking().Include(d => d.Revisions)
            .Where(d => d.Kind == DocumentKind.Procedure && d.Language == language && d.PublishedRevisionNumber != null && d.Status != DocumentStatus.Archived)
            .OrderBy(d => d.Title).ToListAsync(ct);
        return [.. procedures.Select(p => new ProcedureOutline(p.Id, p.Slug, p.Title,
            ProcedureOutline.StepsOf((p.RevisionInForce(today) ?? p.Revision(p.PublishedRevisionNumber!.Value) ?? p.CurrentRevision).Body)))];
    }

    /// <summary>
    /// The procedure steps a playbook's "improves" targets resolve to, in the playbook's language: the procedure and the
    /// step's heading, or nulls for a target no published procedure has.
    /// </summary>
    public async Task<IReadOnlyList<ImprovedStep>> ImprovedProceduresAsync(KnowledgeDocument playbook, CancellationToken ct = default)
    {
        if (playbook.Improves.Length == 0)
        {
            return [];
        }

        var outlines = (await ProcedureOutlinesAsync(playbook.Language, ct)).ToDictionary(o => o.Slug, StringComparer.Ordinal);
        return [.. playbook.Improves.Select(target =>
        {
            var (slug, anchor) = (target.Split('#')[0], target.Contains('#') ? target[(target.IndexOf('#') + 1)..] : string.Empty);
            var procedure = outlines.GetValueOrDefault(slug);
            return new ImprovedStep(target, procedure?.Id, procedure?.Title, anchor, procedure?.Step(anchor)?.Title);
        })];
    }

    /// <summary>
    /// For each document, its versions in other languages (same kind and slug) that the actor may see, so readers
    /// can switch language in one click.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<LanguageVersion>>> LanguageVersionsAsync(
        IReadOnlyCollection<(int Id, DocumentKind Kind, string Slug, string Language)> documents, Actor actor, CancellationToken ct = default)
    {
        var slugs = documents.Select(d => d.Slug).Distinct().ToList();
        var versions = await Visible(actor).AsNoTracking().Where(d => slugs.Contains(d.Slug))
            .Select(d => new { d.Id, d.Kind, d.Slug, d.Language, d.Title }).ToListAsync(ct);
        return documents.ToDictionary(d => d.Id, d => (IReadOnlyList<LanguageVersion>)[.. versions
            .Where(v => v.Kind == d.Kind && v.Slug == d.Slug && v.Language != d.Language)
            .OrderBy(v => v.Language, StringComparer.Ordinal)
            .Select(v => new LanguageVersion(v.Id, v.Language, v.Title))]);
    }

    public async Task<IReadOnlyList<SolutionCaseLink>> CaseLinksAsync(int solutionId, CancellationToken ct = default) =>
        await db.SolutionCaseLinks.AsNoTracking().Where(l => l.DocumentId == solutionId).OrderByDescending(l => l.LinkedAt).ToListAsync(ct);

    /// <summary>Published solutions linked to a case (for the case page).</summary>
    public async Task<IReadOnlyList<DocumentSummary>> SolutionsForCaseAsync(string caseKey, CancellationToken ct = default)
    {
        var ids = db.SolutionCaseLinks.Where(l => l.CaseKey == caseKey).Select(l => l.DocumentId);
        return await SummariseAsync(db.KnowledgeDocuments.Where(d => ids.Contains(d.Id)), ct);
    }

    private IQueryable<KnowledgeDocument> Visible(Actor actor) => actor.IsManager
        ? db.KnowledgeDocuments
        : db.KnowledgeDocuments.Where(d => (d.PublishedRevisionNumber != null && d.Status != DocumentStatus.Archived)
            || (actor.UserId != null && d.AuthorUserId == actor.UserId));

    private async Task<IReadOnlyList<DocumentSummary>> SummariseAsync(IQueryable<KnowledgeDocument> query, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await query.AsNoTracking().Select(d => new
        {
            d.Id, d.Kind, d.Slug, d.Language, d.Title, d.Summary, d.Status, d.Tags, d.Stages, d.AuthorName, d.VerifyBy,
            d.PublishedRevisionNumber, d.CurrentRevisionNumber, d.UpdatedAt,
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var feedback = await CountFeedbackAsync(ids, ct);
        var links = await db.SolutionCaseLinks.Where(l => ids.Contains(l.DocumentId)).GroupBy(l => l.DocumentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. rows.Select(r => new DocumentSummary(r.Id, r.Kind, r.Slug, r.Language, r.Title, r.Summary, r.Status, r.Tags, r.Stages,
            r.AuthorName, r.VerifyBy,
            r.PublishedRevisionNumber != null && r.Status != DocumentStatus.Archived && r.VerifyBy != null && r.VerifyBy < today,
            r.PublishedRevisionNumber == null || r.CurrentRevisionNumber > r.PublishedRevisionNumber, r.UpdatedAt,
            feedback.GetValueOrDefault(r.Id, FeedbackCounts.None), links.GetValueOrDefault(r.Id)))];
    }

    private async Task<Dictionary<int, FeedbackCounts>> CountFeedbackAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var counts = await db.DocumentFeedback.Where(f => ids.Contains(f.DocumentId) && !f.Resolved)
            .GroupBy(f => new { f.DocumentId, f.Kind }).Select(g => new { g.Key.DocumentId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        return counts.GroupBy(c => c.DocumentId).ToDictionary(g => g.Key, g => new FeedbackCounts(
            g.Where(c => c.Kind == FeedbackKind.Helpful).Sum(c => c.Count),
            g.Where(c => c.Kind == FeedbackKind.NotHelpful).Sum(c => c.Count),
            g.Where(c => c.Kind == FeedbackKind.Outdated).Sum(c => c.Count)));
    }
}
