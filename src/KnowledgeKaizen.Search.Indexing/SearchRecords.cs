using System.Security.Claims;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>Loads a case resolution or a piece of feedback for the reader, with the same visibility as in search.</summary>
public sealed class SearchRecords(KnowledgeKaizenDbContext db)
{
    public async Task<SearchRecord?> FindAsync(string type, string key, ClaimsPrincipal user, CancellationToken ct = default)
    {
        switch (type)
        {
            case SearchDocumentTypes.Case:
                var found = await db.ServiceCases.AsNoTracking().FirstOrDefaultAsync(c => c.ExternalId == key && c.ResolvedAt != null, ct);
                return found is null ? null : new SearchRecord(type, key, found.Subject, found.ResolvedAt!.Value, found.Category, "resolved",
                    [("Description", found.Description ?? string.Empty), ("Resolution", found.Resolution ?? string.Empty)]);
            case SearchDocumentTypes.Feedback when SearchVisibilityRules.Feedback.Roles.Any(user.IsInRole):
                var item = await db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.ExternalId == key, ct);
                return item is null ? null : new SearchRecord(type, key, SearchDocumentSource.FeedbackTitle(item.Text), item.ReceivedAt,
                    item.Category, item.ResolvedAt is null ? "open" : "resolved",
                    [("Feedback", item.Text), ("Handling", item.HandlingRecord ?? string.Empty)]);
            default:
                return null;
        }
    }
}
