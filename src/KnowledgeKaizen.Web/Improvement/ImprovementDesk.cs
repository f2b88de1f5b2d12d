using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Insights.Improvement;

namespace KnowledgeKaizen.Web.Improvement;

/// <summary>
/// The web side of the improvement module: composes the Core workflow with the Insights measurement so each
/// page calls one service.
/// </summary>
public sealed class ImprovementDesk(ImprovementService cycles, CycleChecker checker, CycleMetrics metrics, ProcessMetrics process,
    KnowledgeReader reader, ProblemService problems, TimeProvider clock)
{
    public ImprovementService Cycles => cycles;

    public ProblemService Problems => problems;

    public DateTime Today => clock.GetUtcNow().UtcDateTime.Date;

    public async Task<PlanOptions> PlanOptionsAsync(CancellationToken ct = default)
    {
        var reps = await process.RepsAsync(ct);
        return new PlanOptions(metrics.Catalogue.Metrics, await StagesAsync(ct),
            [.. reps.Select(r => r.Team).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>The imported sales stages; before any import, the stage codes the knowledge base knows.</summary>
    private async Task<IReadOnlyList<StageInfo>> StagesAsync(CancellationToken ct)
    {
        var stages = await process.StagesAsync(ct);
        return stages.Count > 0 ? stages : [.. DocumentKinds.Stages.Select((code, i) => new StageInfo(0, code, code, null, i + 1))];
    }

    public Task<IReadOnlyList<ImprovementCycle>> BoardAsync(string? team, CancellationToken ct = default) => cycles.BoardAsync(team, ct);

    public Task<bool> LacksStandardAsync(CycleType type, string? stage, CancellationToken ct = default) => cycles.LacksStandardAsync(type, stage, ct);

    /// <summary>Opens the cycle; when it comes from a problem cluster, the cluster remembers it.</summary>
    public async Task<ImprovementCycle> PlanAsync(CyclePlan plan, long? clusterId, CancellationToken ct = default)
    {
        var cycle = await cycles.PlanAsync(plan, ct);
        if (clusterId is { } id)
        {
            await problems.MarkCycleAsync(id, cycle.Id, ct);
        }

        return cycle;
    }

    public async Task<CycleDetail?> DetailAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var cycle = await cycles.FindAsync(id, ct);
        if (cycle is null)
        {
            return null;
        }

        // The check is computed live from Check on; the stored result is what evaluation and recognition read.
        var check = cycle.Phase >= CyclePhase.Check ? await checker.CheckAsync(id, store: false, ct) : null;
        return new CycleDetail(cycle, metrics.Catalogue.Find(cycle.Target.MetricKey),
            await cycles.LacksStandardAsync(cycle.Type, cycle.Target.Stage, ct),
            await cycles.LinkedItemsAsync(cycle, ct), await cycles.ChainAsync(id, ct), check,
            await reader.ListAsync(new DocumentFilter(DocumentKind.Playbook), actor, ct),
            await reader.ListAsync(new DocumentFilter(DocumentKind.Procedure), actor, ct),
            await StagesAsync(ct));
    }

    /// <summary>Moves the card; entering Check computes and stores the check.</summary>
    public async Task MoveAsync(int id, CyclePhase next, CancellationToken ct = default)
    {
        await cycles.MoveAsync(id, next, ct);
        if (next == CyclePhase.Check)
        {
            await checker.CheckAsync(id, store: true, ct);
        }
    }

    public Task RecheckAsync(int id, CancellationToken ct = default) => checker.CheckAsync(id, store: true, ct);
}
