using System.Globalization;
using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Core.Knowledge;
using KnowledgeKaizen.Core.Markdown;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// Maps the portal's searchable entities to search documents (plain text): by (type, key) for the outbox, or all of them
/// in batches for a rebuild. What is indexed: every knowledge document (with the visibility its status
/// allows), resolved service cases and all customer feedback.
/// </summary>
public sealed class SearchDocumentSource(KnowledgeKaizenDbContext db, MarkdownRenderer markdown, TimeProvider clock)
{
    /// <summary>Bump when the mapping below changes, so existing indexes are rebuilt on start.</summary>
    public const int MappingVersion = 3;

    private const int BatchSize = 500;

    /// <summary>Documents currently in the database per type (what a complete index holds).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken ct = default)
    {
        var counts = SearchDocumentTypes.All.ToDictionary(t => t, _ => 0);
        foreach (var kind in await db.KnowledgeDocuments.GroupBy(d => d.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            counts[kind.Key.Code()] = kind.Count;
        }

        counts[SearchDocumentTypes.Case] = await db.ServiceCases.CountAsync(c => c.ResolvedAt != null && c.Resolution != null, ct);
        counts[SearchDocumentTypes.Feedback] = await db.Feedback.CountAsync(ct);
        return counts;
    }

    /// <summary>Maps the given keys of one type; keys whose entity is gone or not indexable are left out.</summary>
    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(string type, IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        if (DocumentKinds.Parse(type) is { } kind && type == kind.Code())
        {
            var ids = keys.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
            return await KnowledgeAsync(db.KnowledgeDocuments.Where(d => d.Kind == kind && ids.Contains(d.Id)), ct);
        }

        return type switch
        {
            SearchDocumentTypes.Case => await CasesAsync(db.ServiceCases.Where(c => keys.Contains(c.ExternalId)), ct),
            SearchDocumentTypes.Feedback => await FeedbackAsync(db.Feedback.Where(f => keys.Contains(f.ExternalId)), ct),
            _ => [],
        };
    }

    /// <summary>Every indexable document, read in id batches so memory stays flat however large the tables grow.</summary>
    public IEnumerable<SearchDocument> All(CancellationToken ct = default)
    {
        var documentIds = db.KnowledgeDocuments.OrderBy(d => d.Id).Select(d => d.Id).ToList();
        foreach (var batch in documentIds.Chunk(BatchSize))
        {
            foreach (var document in Run(KnowledgeAsync(db.KnowledgeDocuments.Where(d => batch.Contains(d.Id)), ct)))
            {
                yield return document;
            }
        }

        var caseIds = db.ServiceCases.Where(c => c.ResolvedAt != null).OrderBy(c => c.Id).Select(c => c.Id).ToList();
        foreach (var batch in caseIds.Chunk(BatchSize))
        {
            foreach (var document in Run(CasesAsync(db.ServiceCases.Where(c => batch.Contains(c.Id)), ct)))
            {
                yield return document;
            }
        }

        var feedbackIds = db.Feedback.OrderBy(f => f.Id).Select(f => f.Id).ToList();
        foreach (var batch in feedbackIds.Chunk(BatchSize))
        {
            foreach (var document in Run(FeedbackAsync(db.Feedback.Where(f => batch.Contains(f.Id)), ct)))
            {
                yield return document;
            }
        }
    }

    // The engine pulls documents synchronously on its own thread during a rebuild; blocking there is fine.
    private static IReadOnlyList<SearchDocument> Run(Task<IReadOnlyList<SearchDocument>> load) => load.GetAwaiter().GetResult();

    private async Task<IReadOnlyList<SearchDocument>> KnowledgeAsync(IQueryable<KnowledgeDocument> query, CancellationToken ct)
    {
        var documents = await query.AsNoTracking().Include(d => d.Revisions).AsSplitQuery().ToListAsync(ct);
        var ids = documents.Select(d => d.Id).ToList();
        var votes = await db.DocumentFeedback.AsNoTracking()
            .Where(f => ids.Contains(f.DocumentId) && (f.Kind == FeedbackKind.Helpful || f.Kind == FeedbackKind.NotHelpful))
            .GroupBy(f => f.DocumentId)
            .Select(g => new { Id = g.Key, Balance = g.Sum(f => f.Kind == FeedbackKind.Helpful ? 1 : -1) })
            .ToDictionaryAsync(g => g.Id, g => g.Balance, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return SearchPlainText.Of(documents.Select(d => KnowledgeMapping.Map(d, votes.GetValueOrDefault(d.Id), today)), markdown);
    }

    private async Task<IReadOnlyList<SearchDocument>> CasesAsync(IQueryable<ServiceCase> query, CancellationToken ct)
    {
        var cases = await query.AsNoTracking().Where(c => c.ResolvedAt != null && c.Resolution != null)
            .Join(db.Reps, c => c.AgentId, r => r.Id, (c, r) => new { Case = c, Agent = r.Name })
            .ToListAsync(ct);
        return SearchPlainText.Of(cases.Select(x => new SearchDocument
        {
            Type = SearchDocumentTypes.Case,
            Key = x.Case.ExternalId,
            Title = x.Case.Subject,
            Summary = x.Case.Description,
            Body = x.Case.Resolution!,
            Tags = [x.Case.Category],
            Status = "resolved",
            Author = x.Agent,
            UpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(x.Case.ResolvedAt!.Value, DateTimeKind.Utc)),
            Url = SearchDocumentUrls.Record(SearchDocumentTypes.Case, x.Case.ExternalId),
            DuplicateGroup = Duplicates(SearchDocumentTypes.Case, x.Case.Subject + " " + x.Case.Description),
            Visibility = SearchVisibilityRules.Everyone,
        }), markdown);
    }

    private async Task<IReadOnlyList<SearchDocument>> FeedbackAsync(IQueryable<CustomerFeedback> query, CancellationToken ct)
    {
        var items = await query.AsNoTracking().ToListAsync(ct);
        return SearchPlainText.Of(items.Select(f => new SearchDocument
        {
            Type = SearchDocumentTypes.Feedback,
            Key = f.ExternalId,
            Title = FeedbackTitle(f.Text),
            Body = string.IsNullOrWhiteSpace(f.HandlingRecord) ? f.Text : f.Text + "\n\n" + f.HandlingRecord,
            Tags = f.Category is null ? [f.Type.ToString().ToLowerInvariant()] : [f.Type.ToString().ToLowerInvariant(), f.Category],
            Status = f.ResolvedAt is null ? "open" : "resolved",
            UpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(f.ResolvedAt ?? f.ReceivedAt, DateTimeKind.Utc)),
            Url = SearchDocumentUrls.Record(SearchDocumentTypes.Feedback, f.ExternalId),
            DuplicateGroup = Duplicates(SearchDocumentTypes.Feedback, f.Text),
            Visibility = SearchVisibilityRules.Feedback,
        }), markdown);
    }

    /// <summary>
    /// Records whose customer wrote the same words (numbers aside) fold into one search result: cases by subject and
    /// description, feedback by its text. Never across types.
    /// </summary>
    private static string? Duplicates(string type, string text) =>
        Lexicon.TextFolding.Fingerprint(text) is { } fingerprint ? type + "/" + fingerprint : null;

    /// <summary>Feedback has no title; its first sentence (or first 80 characters) stands in.</summary>
    internal static string FeedbackTitle(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var end = flat.IndexOfAny(['.', '!', '?', '。', '！', '？']);
        var sentence = end is > 0 and < 80 ? flat[..(end + 1)] : flat;
        return sentence.Length <= 80 ? sentence : sentence[..79].TrimEnd() + "…";
    }
}
