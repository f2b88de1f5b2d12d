namespace KnowledgeKaizen.Core.Crm;

/// <summary>A customer or rep as a form offers it: the CRM id the record keeps, the name a person recognises, and where.</summary>
public sealed record CrmPick(string Id, string Name, string? Industry, string Region);

/// <summary>
/// Search-as-you-type for the recording forms: customers and service agents by part of their name, their CRM id or
/// (agents) e-mail, and the categories already in use. A typed text that names exactly one record resolves to it.
/// </summary>
public sealed class CrmLookup(KnowledgeKaizenDbContext db)
{
    public const int MaxResults = 10;

    public async Task<IReadOnlyList<CrmPick>> CustomersAsync(string? term, CancellationToken ct = default)
    {
        var pattern = Pattern(term);
        if (pattern is null)
        {
            return [];
        }

        return await db.Customers.AsNoTracking()
            .Where(c => EF.Functions.Like(c.Name, pattern, "\\") || EF.Functions.Like(c.ExternalId, pattern, "\\"))
            .OrderBy(c => c.ChurnedAt != null).ThenBy(c => c.Name).Take(MaxResults)
            .Select(c => new CrmPick(c.ExternalId, c.Name, c.Industry, c.Region)).ToListAsync(ct);
    }

    /// <summary>Active service reps (the agents a case can be handled by).</summary>
    public async Task<IReadOnlyList<CrmPick>> AgentsAsync(string? term, CancellationToken ct = default)
    {
        var pattern = Pattern(term);
        if (pattern is null)
        {
            return [];
        }

        return await db.Reps.AsNoTracking()
            .Where(r => r.Role == RepRole.Service && r.Active
                && (EF.Functions.Like(r.Name, pattern, "\\") || EF.Functions.Like(r.ExternalId, pattern, "\\") || (r.Email != null && EF.Functions.Like(r.Email, pattern, "\\"))))
            .OrderBy(r => r.Name).Take(MaxResults)
            .Select(r => new CrmPick(r.ExternalId, r.Name, null, r.Region)).ToListAsync(ct);
    }

    /// <summary>The customer whose CRM id is <paramref name="text"/>, or the only one with exactly that name.</summary>
    public async Task<string?> ResolveCustomerAsync(string text, CancellationToken ct = default)
    {
        var value = text.Trim();
        var ids = await db.Customers.AsNoTracking().Where(c => c.ExternalId == value || c.Name == value).Select(c => c.ExternalId).Take(2).ToListAsync(ct);
        return ids.Contains(value) ? value : ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>The service rep whose CRM id or e-mail is <paramref name="text"/>, or the only one with exactly that name.</summary>
    public async Task<string?> ResolveAgentAsync(string text, CancellationToken ct = default)
    {
        var value = text.Trim();
        var ids = await db.Reps.AsNoTracking().Where(r => r.Role == RepRole.Service && (r.ExternalId == value || r.Name == value || r.Email == value))
            .Select(r => r.ExternalId).Take(2).ToListAsync(ct);
        return ids.Contains(value) ? value : ids.Count == 1 ? ids[0] : null;
    }

    public async Task<IReadOnlyList<string>> CaseCategoriesAsync(CancellationToken ct = default) =>
        await db.ServiceCases.AsNoTracking().Select(c => c.Category).Distinct().OrderBy(c => c).Take(200).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> FeedbackCategoriesAsync(CancellationToken ct = default) =>
        await db.Feedback.AsNoTracking().Where(f => f.Category != null).Select(f => f.Category!).Distinct().OrderBy(c => c).Take(200).ToListAsync(ct);

    /// <summary>A LIKE pattern for "contains"; null for an empty or over-long term (nothing to look for).</summary>
    private static string? Pattern(string? term)
    {
        var value = (term ?? string.Empty).Trim();
        return value.Length is 0 or > 100 ? null
            : "%" + value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
    }
}
