namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>The signed-in user as the knowledge services see them.</summary>
public static class KnowledgeActor
{
    public static Actor ToActor(this System.Security.Claims.ClaimsPrincipal user) => new(
        user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
        KnowledgeKaizen.Web.Identity.DisplayNameClaimsExtensions.DisplayName(user),
        user.IsInRole(Roles.KnowledgeManager) || user.IsInRole(Roles.Admin));

    /// <summary>Contributors, managers and admins may write; Staff and Trainers only read.</summary>
    public static bool CanContribute(this System.Security.Claims.ClaimsPrincipal user) =>
        Policies.RolesFor[Policies.Contributor].Any(user.IsInRole);
}
