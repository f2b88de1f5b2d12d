namespace KnowledgeKaizen.Web.Courses;

/// <summary>Course pages: their actions report refusals under <see cref="ErrorKey"/>; trainers see more.</summary>
public abstract class CoursePageModel(IStringLocalizer<SharedResource> l) : RulePageModel(l, ErrorKey)
{
    public const string ErrorKey = "CourseError";

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    /// <summary>Trainers, knowledge managers and admins build courses and see everyone's progress.</summary>
    public bool IsTrainer => Policies.RolesFor[Policies.Trainer].Any(User.IsInRole);
}
