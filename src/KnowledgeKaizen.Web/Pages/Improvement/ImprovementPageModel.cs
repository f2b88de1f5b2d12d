using KnowledgeKaizen.Core.Improvement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KnowledgeKaizen.Web.Pages.Improvement;

/// <summary>Runs a command and turns a refused rule into a localised message shown after the redirect.</summary>
public abstract class ImprovementPageModel(IStringLocalizer<SharedResource> l) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Problem { get; set; }

    protected IStringLocalizer<SharedResource> L => l;

    protected async Task<IActionResult> CommandAsync(Func<Task> command, Func<IActionResult> next, string done)
    {
        try
        {
            await command();
            Message = l[done];
        }
        catch (ImprovementRuleException rule)
        {
            Problem = l[rule.Message, [.. rule.Arguments.Select(a => (object)l[a.ToString() ?? string.Empty].Value)]];
        }
        catch (KnowledgeKaizen.Core.Knowledge.KnowledgeRuleException rule)
        {
            Problem = l[rule.Message, [.. rule.Arguments]];
        }

        return next();
    }
}
