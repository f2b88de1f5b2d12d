using System.Security.Claims;

namespace KnowledgeKaizen.Core.Identity;

/// <summary>
/// Turns a bearer secret into the token's identity: an Admin called "token:{name}". The secret is looked up by its
/// hash; an unknown or revoked token is refused, a good one is stamped as used.
/// </summary>
public sealed class ApiTokenAuthenticator(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    /// <summary>Whether a bearer value is meant as one of our tokens at all (others belong to other schemes).</summary>
    public static bool LooksLikeToken(string secret) => secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal);

    /// <summary>The token's identity under <paramref name="authenticationType"/>, or null when the secret is unknown or revoked.</summary>
    public async Task<ClaimsIdentity?> AuthenticateAsync(string secret, string authenticationType, CancellationToken ct)
    {
        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, ct);
        if (token is null || !token.IsActive)
        {
            return null;
        }

        token.MarkUsed(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"token:{token.Id}"),
            new Claim(ClaimTypes.Name, $"token:{token.Name}"),
            new Claim(ClaimTypes.Role, Roles.Admin),
        ], authenticationType);
    }
}
