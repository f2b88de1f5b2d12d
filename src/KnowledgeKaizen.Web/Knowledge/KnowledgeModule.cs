using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Knowledge;
using KnowledgeKaizen.Web.Hosting;

namespace KnowledgeKaizen.Web.Knowledge;

public static class KnowledgeModule
{
    /// <summary>
    /// Playbooks, procedures and solutions: services, content/ import on start, menu entries, and the
    /// editor's API (preview, autosave, images, case links).
    /// </summary>
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        builder.Services.AddKnowledgeCore();
        builder.Services.AddSingleton<ImageStore>();
        builder.Services.AddScoped<DocumentPages>();
        builder.Services.AddNavItem(new NavItem("Playbooks", "/Playbooks/Index", Policies.Reader, 100, "journal-text"));
        builder.Services.AddNavItem(new NavItem("Procedures", "/Procedures/Index", Policies.Reader, 110, "list-ol"));
        builder.Services.AddNavItem(new NavItem("Solutions", "/Solutions/Index", Policies.Reader, 120, "life-preserver"));
        builder.Services.AddNavItem(new NavItem("Review", "/Knowledge/Review", Policies.KnowledgeManager, 130, "check2-square"));
        builder.Services.AddNavItem(new NavItem("Content library", "/Knowledge/Library", Policies.Admin, 910, "box-arrow-down", "Admin"));

        return builder;
    }
}

/// <summary>The signed-in user as the knowledge services see them.</summary>
public static class KnowledgeActor
{
    public static Actor ToActor(this System.Security.Claims.ClaimsPrincipal user) => new(
        user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
        user.Identity?.Name ?? string.Empty,
        user.IsInRole(Roles.KnowledgeManager) || user.IsInRole(Roles.Admin));

    /// <summary>Contributors, managers and admins may write; Staff and Trainers only read.</summary>
    public static bool CanContribute(this System.Security.Claims.ClaimsPrincipal user) =>
        Policies.RolesFor[Policies.Contributor].Any(user.IsInRole);
}
