using System.Security.Claims;
using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KnowledgeKaizen.Web.Courses;

/// <summary>
/// Shared handling for course pages' actions: run one service call, then redirect with a notice, or with the
/// localised reason a course rule refused it.
/// </summary>
public abstract class CoursePageModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public const string ErrorKey = "CourseError";

    protected IStringLocalizer<SharedResource> L => l;

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    /// <summary>Trainers, knowledge managers and admins build courses and see everyone's progress.</summary>
    public bool IsTrainer => Policies.RolesFor[Policies.Trainer].Any(User.IsInRole);

    protected async Task<IActionResult> RunAsync(Func<Task> action, string notice, Func<IActionResult> then)
    {
        try
        {
            await action();
            TempData["Notice"] = l[notice].Value;
        }
        catch (CourseRuleException ex)
        {
            TempData[ErrorKey] = Localise(ex);
        }

        return then();
    }

    protected string Localise(CourseRuleException ex) => l[ex.Message, [.. ex.Arguments]].Value;
}
