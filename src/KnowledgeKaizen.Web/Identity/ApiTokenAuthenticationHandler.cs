using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace KnowledgeKaizen.Web.Identity;

/// <summary>
/// <c>Authorization: Bearer kk_…</c> → the token's Admin identity (<see cref="ApiTokenAuthenticator"/>). Only the
/// policies that list this scheme accept it, so a token opens the ingestion and findings endpoints and nothing else.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiTokenAuthenticator tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
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
        if (!ApiTokenAuthenticator.LooksLikeToken(secret))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await tokens.AuthenticateAsync(secret, SchemeName, Context.RequestAborted);
        return identity is null
            ? AuthenticateResult.Fail("The API token is unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
