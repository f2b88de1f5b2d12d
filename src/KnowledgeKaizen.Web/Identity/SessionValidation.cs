using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeKaizen.Web.Identity;

/// <summary>
/// Checks the sign-in cookie against the account on every request (<see cref="UserSessions"/>) instead of Identity's
/// default of every 30 minutes, so a sign-out, a lock, a change of roles or a new password ends the account's other
/// sessions at once. A refused cookie is deleted and the request continues as anonymous.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        if (userId is not null && stamp is not null
            && await services.GetRequiredService<UserSessions>().IsCurrentAsync(userId, stamp, context.HttpContext.RequestAborted))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
