using Microsoft.AspNetCore.Authorization;

namespace KnowledgeKaizen.Web.Hosting;

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
