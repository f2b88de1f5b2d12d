using Microsoft.AspNetCore.Authorization;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>A top-level navigation entry; shown only to users the policy admits.</summary>
/// <param name="Text">English text, localised when rendered.</param>
/// <param name="Page">Razor page path, e.g. "/Playbooks/Index".</param>
/// <param name="Policy">Authorization policy a user needs to see the entry.</param>
/// <param name="Order">Position from the left.</param>
/// <param name="Icon">Bootstrap Icons name without the "bi-" prefix.</param>
/// <param name="Group">Menu the entry sits in (null: top level).</param>
public sealed record NavItem(string Text, string Page, string Policy, int Order, string Icon, string? Group = null);

/// <summary>
/// Each module registers the pages it adds, so the menu lists only features that exist and each user sees
/// only what they may open.
/// </summary>
public sealed class Navigation(IEnumerable<NavItem> items, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<NavItem>> VisibleToAsync(System.Security.Claims.ClaimsPrincipal user)
    {
        var visible = new List<NavItem>();
        foreach (var item in items.OrderBy(i => i.Order))
        {
            if ((await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)
            {
                visible.Add(item);
            }
        }

        return visible;
    }
}

public static class NavigationServiceCollectionExtensions
{
    public static IServiceCollection AddNavItem(this IServiceCollection services, NavItem item)
    {
        services.AddSingleton(item);
        return services;
    }
}
