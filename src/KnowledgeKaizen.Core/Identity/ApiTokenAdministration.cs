namespace KnowledgeKaizen.Core.Identity;

/// <summary>What Admins do with API tokens: create (the secret is shown once), list, revoke.</summary>
public sealed class ApiTokenAdministration(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.Prefix, t.CreatedBy, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);

    /// <summary>Creates a token and returns its secret: the only time anyone sees it.</summary>
    public async Task<string> CreateAsync(string name, string createdBy, CancellationToken ct)
    {
        var (token, secret) = ApiToken.Create(name, createdBy, clock.GetUtcNow());
        db.ApiTokens.Add(token);
        db.Raise(new ApiTokenCreated(token.Id, token.Name, createdBy));
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return false;
        }

        if (token.IsActive)
        {
            token.Revoke(clock.GetUtcNow());
            db.Raise(new ApiTokenRevoked(token.Id, token.Name));
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
