using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Web.Improvement;

namespace KnowledgeKaizen.Web.Pages.Improvement;

/// <summary>Plan: a new cycle with its problem, roles, target metric and dates; the baseline is computed on save.</summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class CreateModel(ImprovementDesk desk, IStringLocalizer<SharedResource> l) : ImprovementPageModel(l)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PlanOptions Options { get; private set; } = null!;

    public bool LacksStandard { get; private set; }

    public async Task OnGetAsync(long? clusterId, string? problem, CancellationToken ct)
    {
        var today = desk.Today;
        Input = new InputModel
        {
            ClusterId = clusterId,
            Problem = problem?.Length > ImprovementCycle.MaxTextLength ? problem[..ImprovementCycle.MaxTextLength] : problem,
            Source = clusterId is null ? null : problem,
            MetricKey = clusterId is null ? "stage-conversion" : "complaint-rate",
            BaselineFrom = today.AddDays(-90),
            BaselineTo = today,
            RolloutDate = today,
            CheckDate = today.AddDays(90),
        };
        Options = await desk.PlanOptionsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Options = await desk.PlanOptionsAsync(ct);
        var unit = Options.Metrics.FirstOrDefault(m => m.Key == Input.MetricKey)?.Unit ?? string.Empty;
        var target = TargetValueInput.Parse(Input.TargetValue, unit, CultureInfo.CurrentCulture);
        if (target.Problem is { } problem)
        {
            ModelState.AddModelError("Input.TargetValue", L[problem, L[ImprovementText.Unit(unit)]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = User.ToActor();
        var plan = new CyclePlan(Input.Type, Input.Title ?? string.Empty, Input.Problem ?? string.Empty, Input.Team, actor.UserId, actor.Name,
            new CycleRoles(Input.ProblemCollector ?? string.Empty, Input.Analyst ?? string.Empty, Input.ResultsManager ?? string.Empty),
            new TargetMetric(Input.MetricKey ?? string.Empty, Input.Stage, Input.Team), target.Value!.Value,
            Input.BaselineFrom, Input.BaselineTo, Input.RolloutDate, Input.CheckDate, null, Input.Source);
        try
        {
            var cycle = await desk.PlanAsync(plan, Input.ClusterId, ct);
            Message = L["Cycle planned; the baseline was computed from the data."];
            return RedirectToPage("Details", new { id = cycle.Id });
        }
        catch (ImprovementRuleException rule)
        {
            ModelState.AddModelError(string.Empty, L[rule.Message, [.. rule.Arguments]]);
            LacksStandard = await desk.LacksStandardAsync(Input.Type, Input.Stage, ct);
            return Page();
        }
    }

    public sealed class InputModel
    {
        public CycleType Type { get; set; } = CycleType.Pdca;

        [Required(ErrorMessage = "Give the cycle a title.")]
        [StringLength(ImprovementCycle.MaxTitleLength, ErrorMessage = "The title is too long.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Describe the problem.")]
        [StringLength(ImprovementCycle.MaxTextLength, ErrorMessage = "The problem statement is too long.")]
        public string? Problem { get; set; }

        public string? Team { get; set; }

        [StringLength(256)]
        public string? ProblemCollector { get; set; }

        [StringLength(256)]
        public string? Analyst { get; set; }

        [StringLength(256)]
        public string? ResultsManager { get; set; }

        [Required(ErrorMessage = "Choose a target metric.")]
        public string? MetricKey { get; set; }

        public string? Stage { get; set; }

        /// <summary>As typed: "78", "78 %" or "0.78" for a percentage (see <see cref="TargetValueInput"/>).</summary>
        public string? TargetValue { get; set; }

        public DateTime BaselineFrom { get; set; }

        public DateTime BaselineTo { get; set; }

        public DateTime RolloutDate { get; set; }

        public DateTime CheckDate { get; set; }

        public long? ClusterId { get; set; }

        public string? Source { get; set; }
    }
}
