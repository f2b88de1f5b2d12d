using Microsoft.AspNetCore.Authentication;
// Identity's result, not the MVC action result of the same name that the global usings also bring in.
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace KnowledgeKaizen.Web.Identity;

/// <summary>Identity's sign-in, with every password sign-in — accepted or refused, and why — in the audit log.</summary>
internal sealed class AuditedSignInManager(UserManager<AppUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, AuditLog audit)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        var result = user is null ? SignInResult.Failed : await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await audit.RecordAsync(result.Succeeded
            ? new UserSignedIn(user!.Id, user.Email ?? user.Name)
            : new SignInFailed(userName, user is null ? "unknown account" : result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password"));
        return result;
    }
}
