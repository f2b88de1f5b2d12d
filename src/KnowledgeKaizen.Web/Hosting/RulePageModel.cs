using KnowledgeKaizen.Core;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// Shared handling of a page's actions: run one service call, then redirect with a notice, or with the localised
/// reason a module's rule (<see cref="RuleException"/>) refused it, under the page's <paramref name="errorKey"/>.
/// </summary>
public abstract class RulePageModel(IStringLocalizer<SharedResource> l, string errorKey) : PageModel
{
    protected IStringLocalizer<SharedResource> L => l;

    protected async Task<IActionResult> RunAsync(Func<Task> action, string notice, Func<IActionResult> then)
    {
        try
        {
            await action();
            TempData["Notice"] = l[notice].Value;
        }
        catch (RuleException ex)
        {
            TempData[errorKey] = Localise(ex);
        }

        return then();
    }

    /// <summary>The refusal in the reader's language; <paramref name="localiseArguments"/> when the arguments are English words too.</summary>
    protected string Localise(RuleException ex, bool localiseArguments = false) =>
        l[ex.Message, [.. ex.Arguments.Select(a => localiseArguments ? l[a.ToString() ?? string.Empty].Value : a)]].Value;
}
