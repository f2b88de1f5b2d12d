namespace KnowledgeKaizen.Core.Identity;

/// <summary>
/// Whether a signed-in session still stands: its account exists, is not locked and still has the security stamp the
/// session was issued with. Signing out, a lock, a change of roles and a new password rotate the stamp, so every other
/// session of the account ends on its next request. One indexed read per request, nothing cached, so it holds at once
/// and on every instance.
/// </summary>
public sealed class UserSessions(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    // Not a static compiled query: one of those is bound to the first provider's model, and a process (the tests, a
    // data move) may hold SQLite and PostgreSQL contexts at once. EF Core's own query cache is per model.
    public async Task<bool> IsCurrentAsync(string userId, string securityStamp, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Account(u.SecurityStamp, u.LockoutEnd)).FirstOrDefaultAsync(ct);
        return account is not null
            && string.Equals(account.SecurityStamp, securityStamp, StringComparison.Ordinal)
            && !(account.LockoutEnd > clock.GetUtcNow());
    }

    private sealed record Account(string? SecurityStamp, DateTimeOffset? LockoutEnd);
}
