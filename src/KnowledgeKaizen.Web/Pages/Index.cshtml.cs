using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeKaizen.Web.Pages;

/// <summary>Start page: a tile for each feature the user may use.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(Navigation navigation, TimeProvider clock) : PageModel
{
    public IReadOnlyList<NavItem> Features { get; private set; } = [];

    /// <summary>The server's local date, as the greeting shows it.</summary>
    public DateTime Today => clock.GetLocalNow().Date;

    public async Task OnGetAsync() =>
        Features = (await navigation.VisibleToAsync(User)).Where(i => i.Page != "/Index").ToList();
}
