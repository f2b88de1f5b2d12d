using KnowledgeKaizen.Core.Improvement;

namespace KnowledgeKaizen.Web.Pages.Improvement;

/// <summary>Is the mechanism working? Cycles, impact, capture speed, reuse, verification and training per team and month.</summary>
[Authorize(Policy = Policies.KnowledgeManager)]
public sealed class EvaluationModel(EvaluationService evaluation, TimeProvider clock) : PageModel
{
    public MechanismEvaluation Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var to = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        Result = await evaluation.EvaluateAsync(to.AddMonths(-12), to, ct);
    }
}
