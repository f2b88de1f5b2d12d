namespace KnowledgeKaizen.Web.Identity;

/// <summary>
/// Puts the account's display name into the sign-in cookie, so everything a user does is shown under their name, not
/// their e-mail address (which stays the user name Identity signs in with).
/// </summary>
public sealed class DisplayNameClaims(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string ClaimType = "kk:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimType, user.Name));
        return identity;
    }
}

public static class DisplayNameClaimsExtensions
{
    /// <summary>The signed-in user's display name; the user name (e-mail) for a cookie issued before names were in it.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst(DisplayNameClaims.ClaimType)?.Value is { Length: > 0 } name ? name : user.Identity?.Name ?? string.Empty;
}
