using Microsoft.AspNetCore.Identity;

namespace KnowledgeKaizen.Core.Identity;

/// <summary>What Admins do with accounts: invite, assign roles, lock and unlock.</summary>
public sealed class UserAdministration(UserManager<AppUser> users, KnowledgeKaizenDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct)
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync(ct);
        var result = new List<UserSummary>(all.Count);
        foreach (var u in all)
        {
            result.Add(await SummariseAsync(u));
        }

        return result;
    }

    public async Task<UserSummary?> FindAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is null ? null : await SummariseAsync(user);
    }

    /// <summary>
    /// Creates an account without a password and returns a token for the invite link; the invitee chooses
    /// their own password, so no Admin ever knows it.
    /// </summary>
    public async Task<InviteResult> InviteAsync(string email, string displayName, IEnumerable<string> roles, string? actingUserId = null)
    {
        var chosen = roles.Where(Roles.All.Contains).Distinct().ToList();
        if (chosen.Count == 0)
        {
            return new InviteResult(false, null, null, ["Choose at least one role."]);
        }

        var user = new AppUser { UserName = email, Email = email, DisplayName = displayName.Trim(), EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return new InviteResult(false, null, null, created.Errors.Select(e => e.Description).ToList());
        }

        // Raised first: the roles' save below records it in the same transaction.
        db.Raise(new UserInvited(user.Id, email, chosen, actingUserId));
        await users.AddToRolesAsync(user, chosen);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return new InviteResult(true, user.Id, token, []);
    }

    /// <summary>Self-registration: a Staff account with the password the person chose.</summary>
    public async Task<(IdentityResult Result, AppUser User)> RegisterAsync(string email, string displayName, string password)
    {
        var user = new AppUser { UserName = email, Email = email, DisplayName = displayName.Trim(), CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        return (created.Succeeded ? await users.AddToRoleAsync(user, Roles.Staff) : created, user);
    }

    /// <summary>A fresh invite token for a user who lost the link (or a password reset an Admin starts).</summary>
    public async Task<string?> NewInviteTokenAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is null ? null : await users.GeneratePasswordResetTokenAsync(user);
    }

    /// <summary>
    /// Whether an invite link can still be used: its token is single-use (setting the password changes the account's
    /// security stamp), so a used, replaced or made-up link answers false before anyone types a password.
    /// </summary>
    public async Task<bool> IsInviteUsableAsync(string? userId, string? token)
    {
        var user = string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) ? null : await users.FindByIdAsync(userId);
        return user is not null
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token!);
    }

    /// <summary>Sets the invitee's password; returns the account on success so the portal can sign them in.</summary>
    public async Task<(IdentityResult Result, AppUser? User)> AcceptInviteAsync(string userId, string token, string password)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return (IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This invitation is not valid." }), null);
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        return (result, result.Succeeded ? user : null);
    }

    public async Task<IdentityResult> SetRolesAsync(string id, IEnumerable<string> roles, string actingUserId)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "NotFound", Description = "User not found." });
        }

        var wanted = roles.Where(Roles.All.Contains).Distinct().ToList();
        if (id == actingUserId && !wanted.Contains(Roles.Admin))
        {
            // An Admin removing their own Admin role could leave the portal with nobody able to manage it.
            return IdentityResult.Failed(new IdentityError { Code = "SelfDemotion", Description = "You cannot remove your own Admin role." });
        }

        var current = await users.GetRolesAsync(user);
        if (current.Order().SequenceEqual(wanted.Order()))
        {
            return IdentityResult.Success;
        }

        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var result = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : removed;
        if (!result.Succeeded)
        {
            return result;
        }

        // Sessions carry the roles they were signed in with: a new stamp ends them, so the change holds at once. The
        // stamp's save records the change in the audit log.
        db.Raise(new UserRolesChanged(user.Id, user.Email ?? user.Id, wanted.Order().ToList(), actingUserId));
        return await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Ends every session of the account (a lost laptop, a leaked password); the user signs in again.</summary>
    public async Task<IdentityResult> EndSessionsAsync(string id, string actingUserId)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "NotFound", Description = "User not found." });
        }

        db.Raise(new UserSessionsEnded(user.Id, user.Email ?? user.Id, actingUserId));
        return await users.UpdateSecurityStampAsync(user);
    }

    public async Task<IdentityResult> SetLockedAsync(string id, bool locked, string actingUserId)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "NotFound", Description = "User not found." });
        }

        if (locked && id == actingUserId)
        {
            return IdentityResult.Failed(new IdentityError { Code = "SelfLock", Description = "You cannot lock your own account." });
        }

        await users.SetLockoutEnabledAsync(user, true);
        db.Raise(new UserLockChanged(user.Id, user.Email ?? user.Id, locked, actingUserId));
        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        // A locked account's sessions end at once, not when their cookies expire.
        return result.Succeeded && locked ? await users.UpdateSecurityStampAsync(user) : result;
    }

    private async Task<UserSummary> SummariseAsync(AppUser u)
    {
        var roles = await users.GetRolesAsync(u);
        var locked = u.LockoutEnd is { } end && end > clock.GetUtcNow();
        return new UserSummary(u.Id, u.Email ?? string.Empty, u.Name, roles.OrderBy(r => r).ToList(), locked,
            u.LockoutEnd, u.PasswordHash is not null);
    }
}
