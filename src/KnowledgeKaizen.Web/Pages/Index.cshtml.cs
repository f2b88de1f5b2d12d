using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeKaizen.Web.Pages;

/// <summary>Start page: a tile for each feature the user may use.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(Navigation navigation) : PageModel
{
    public IReadOnlyList<NavItem> Features { get; private set; } = [];

    public async Task OnGetAsync() =>
        Features = (await navigation.VisibleToAsync(User)).Where(i => i.Page != "/Index").ToList();
}
