using KnowledgeKaizen.Core.Knowledge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>
/// Shared handling for knowledge pages' actions: run one service call, then redirect with a notice, or with
/// the localised reason a rule refused it.
/// </summary>
public abstract class KnowledgePageModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public const string ErrorKey = "KnowledgeError";

    protected IStringLocalizer<SharedResource> L => l;

    protected Actor Actor => User.ToActor();

    protected async Task<IActionResult> RunAsync(Func<Task> action, string notice, Func<IActionResult> then)
    {
        try
        {
            await action();
            TempData["Notice"] = l[notice].Value;
        }
        catch (KnowledgeRuleException ex)
        {
            TempData[ErrorKey] = Localise(ex);
        }

        return then();
    }

    protected string Localise(KnowledgeRuleException ex) => l[ex.Message, [.. ex.Arguments]].Value;
}
