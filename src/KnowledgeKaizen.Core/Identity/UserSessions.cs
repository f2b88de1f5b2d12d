using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Identity;

/// <summary>
/// Whether a signed-in session still stands: its account exists, is not locked and still has the security stamp the
/// session was issued with. Signing out, a lock, a change of roles and a new password rotate the stamp, so every other
/// session of the account ends on its next request. One indexed read per request, nothing cached, so it holds at once
/// and on every instance.
/// </summary>
public sealed class UserSessions(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    private static readonly Func<KnowledgeKaizenDbContext, string, CancellationToken, Task<Account?>> Find =
        EF.CompileAsyncQuery((KnowledgeKaizenDbContext db, string id, CancellationToken _) =>
            db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new Account(u.SecurityStamp, u.LockoutEnd)).FirstOrDefault());

    public async Task<bool> IsCurrentAsync(string userId, string securityStamp, CancellationToken ct)
    {
        var account = await Find(db, userId, ct);
        return account is not null
            && string.Equals(account.SecurityStamp, securityStamp, StringComparison.Ordinal)
            && !(account.LockoutEnd > clock.GetUtcNow());
    }

    private sealed record Account(string? SecurityStamp, DateTimeOffset? LockoutEnd);
}
