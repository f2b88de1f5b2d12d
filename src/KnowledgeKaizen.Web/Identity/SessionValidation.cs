using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;

namespace KnowledgeKaizen.Web.Identity;

/// <summary>
/// Checks the sign-in cookie against the account on every request (<see cref="UserSessions"/>) instead of Identity's
/// default of every 30 minutes, so a sign-out, a lock, a change of roles or a new password ends the account's other
/// sessions at once. A refused cookie is deleted and the request continues as anonymous. While the database is out of
/// reach the check fails the request (a 503), except on the error page that says so, which is shown as to anyone.
/// </summary>
internal static class SessionValidation
{
    private static readonly object UncheckedKey = new();

    /// <summary>
    /// Rethrows the failure of a session check the database could not answer (after authentication, before anything uses
    /// the user); not on the error page that reports it.
    /// </summary>
    public static void ThrowIfUnchecked(HttpContext context)
    {
        if (context.Items[UncheckedKey] is ExceptionDispatchInfo failure && context.Features.Get<IExceptionHandlerFeature>() is null)
        {
            failure.Throw();
        }
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        if (userId is not null && stamp is not null)
        {
            try
            {
                if (await services.GetRequiredService<UserSessions>().IsCurrentAsync(userId, stamp, context.HttpContext.RequestAborted))
                {
                    return;
                }
            }
            catch (Exception e) when (DatabaseUnavailable.Is(e))
            {
                // Nothing is known about the session, so nothing is decided: the cookie is kept, the request goes on as
                // anonymous and fails right after authentication (ThrowIfUnchecked), so the error page that says so is
                // served (authentication keeps its result for that page too) rather than the sign-in page.
                context.RejectPrincipal();
                context.HttpContext.Items[UncheckedKey] = ExceptionDispatchInfo.Capture(e);
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
