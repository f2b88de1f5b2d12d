using System.Security.Claims;
using System.Text.Encodings.Web;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Ingestion;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>
/// <c>Authorization: Bearer kk_…</c> → a principal with the Admin role. Only the ingestion policies list
/// this scheme, so a token opens the import and capture endpoints and nothing else.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, KnowledgeKaizenDbContext db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token is null || !token.IsActive)
        {
            return AuthenticateResult.Fail("The API token is unknown or revoked.");
        }

        token.MarkUsed();
        await db.SaveChangesAsync(Context.RequestAborted);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"token:{token.Id}"),
            new Claim(ClaimTypes.Name, $"token:{token.Name}"),
            new Claim(ClaimTypes.Role, Roles.Admin),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>One row of the token list (the secret is never kept).</summary>
public sealed record ApiTokenSummary(Guid Id, string Name, string Prefix, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>What Admins do with API tokens: create (the secret is shown once), list, revoke.</summary>
public sealed class ApiTokenAdministration(KnowledgeKaizenDbContext db)
{
    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.Prefix, t.CreatedBy, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);

    /// <summary>Creates a token and returns its secret: the only time anyone sees it.</summary>
    public async Task<string> CreateAsync(string name, string createdBy, CancellationToken ct)
    {
        var (token, secret) = ApiToken.Create(name, createdBy);
        db.ApiTokens.Add(token);
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

        token.Revoke();
        await db.SaveChangesAsync(ct);
        return true;
    }
}
