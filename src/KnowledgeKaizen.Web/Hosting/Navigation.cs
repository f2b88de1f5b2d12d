namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// Each module registers the pages it adds, so the menus list only features that exist and each user sees only what
/// they may open, grouped by what people do.
/// </summary>
public sealed class Navigation(IEnumerable<NavItem> items, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<NavItem>> VisibleToAsync(ClaimsPrincipal user)
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

    /// <summary>The top bar's menus that have an entry for the user, in <see cref="NavGroup.All"/> order.</summary>
    public static IReadOnlyList<NavMenu> Menus(IReadOnlyList<NavItem> visible) =>
        [.. NavGroup.All.Select(g => new NavMenu(g, NavGroup.Icon(g), [.. visible.Where(i => i.Group == g)])).Where(m => m.Items.Count > 0)];
}
