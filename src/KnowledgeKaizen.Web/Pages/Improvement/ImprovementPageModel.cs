using KnowledgeKaizen.Core.Improvement;

namespace KnowledgeKaizen.Web.Pages.Improvement;

/// <summary>Runs a command and turns a refused rule into a localised message shown after the redirect.</summary>
public abstract class ImprovementPageModel(IStringLocalizer<SharedResource> l) : RulePageModel(l, nameof(Problem))
{
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Problem { get; set; }

    protected async Task<IActionResult> CommandAsync(Func<Task> command, Func<IActionResult> next, string done)
    {
        try
        {
            await command();
            Message = L[done];
        }
        catch (ImprovementRuleException rule)
        {
            Problem = Localise(rule, localiseArguments: true);
        }
        catch (KnowledgeKaizen.Core.Knowledge.KnowledgeRuleException rule)
        {
            Problem = Localise(rule);
        }

        return next();
    }
}
