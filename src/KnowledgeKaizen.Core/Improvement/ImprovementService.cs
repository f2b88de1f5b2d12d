namespace KnowledgeKaizen.Core.Improvement;

/// <summary>
/// Runs cycles through Plan → Do → Check → Adapt → Closed. Each method loads the cycle, calls one method on
/// it and saves; the entity enforces the order of the phases.
/// </summary>
public sealed class ImprovementService(KnowledgeKaizenDbContext db, ICycleMeasurement measurement, IImprovementSignals signals,
    StandardisationService standardisation, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Opens a cycle in Plan with its baseline computed from the data.</summary>
    public async Task<ImprovementCycle> PlanAsync(CyclePlan plan, CancellationToken ct = default)
    {
        if (measurement.DefinitionVersion(plan.Target.MetricKey) is null)
        {
            throw new ImprovementRuleException("Choose a target metric.");
        }

        if (plan.ParentCycleId is { } parent && !await db.ImprovementCycles.AnyAsync(c => c.Id == parent, ct))
        {
            throw new ImprovementRuleException("The cycle does not exist.");
        }

        var baseline = await measurement.MeasureAsync(plan.Target, plan.BaselineFrom, plan.BaselineTo, ct);
        var cycle = ImprovementCycle.Open(plan, baseline, Now);
        db.ImprovementCycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        return cycle;
    }

    public Task<ImprovementCycle?> FindAsync(int id, CancellationToken ct = default) =>
        db.ImprovementCycles.Include(c => c.Links).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>All cycles for the board, newest first, optionally for one team.</summary>
    public async Task<IReadOnlyList<ImprovementCycle>> BoardAsync(string? team, CancellationToken ct = default) =>
        await db.ImprovementCycles.AsNoTracking().Include(c => c.Links)
            .Where(c => team == null || c.Team == team)
            .OrderByDescending(c => c.Id).Take(500).ToListAsync(ct);

    /// <summary>
    /// The article: PDCA may only start once an effective standard exists. True when a PDCA cycle targets a
    /// stage that no published procedure covers.
    /// </summary>
    public async Task<bool> LacksStandardAsync(CycleType type, string? stage, CancellationToken ct = default)
    {
        if (type != CycleType.Pdca || string.IsNullOrWhiteSpace(stage))
        {
            return false;
        }

        var procedures = await db.KnowledgeDocuments.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.Procedure && d.PublishedRevisionNumber != null && d.Status != DocumentStatus.Archived)
            .Select(d => d.Stages).ToListAsync(ct);
        return !procedures.Any(stages => stages.Contains(stage));
    }

    public async Task LinkAsync(int cycleId, CycleLinkKind kind, int targetId, CancellationToken ct = default)
    {
        var cycle = await RequireAsync(cycleId, ct);
        string title;
        if (kind == CycleLinkKind.Course)
        {
            title = await signals.CourseTitleAsync(targetId, ct) ?? throw new ImprovementRuleException("No course has this id.");
        }
        else
        {
            var expected = kind == CycleLinkKind.Playbook ? DocumentKind.Playbook : DocumentKind.Procedure;
            var document = await db.KnowledgeDocuments.AsNoTracking().Where(d => d.Id == targetId && d.Kind == expected)
                .Select(d => new { d.Id, d.CurrentRevisionNumber, Title = d.Revisions.Where(r => r.Number == d.CurrentRevisionNumber).Select(r => r.Title).FirstOrDefault() })
                .FirstOrDefaultAsync(ct) ?? throw new ImprovementRuleException(kind == CycleLinkKind.Playbook ? "No playbook has this id." : "No procedure has this id.");
            title = kind == CycleLinkKind.ProcedureRevision ? $"{document.Title} · r{document.CurrentRevisionNumber}" : document.Title ?? string.Empty;
        }

        cycle.Link(kind, targetId, title, Now);
        await db.SaveChangesAsync(ct);
    }

    public async Task UnlinkAsync(int cycleId, long linkId, CancellationToken ct = default)
    {
        var cycle = await RequireAsync(cycleId, ct);
        cycle.Unlink(linkId);
        await db.SaveChangesAsync(ct);
    }

    public async Task MoveAsync(int cycleId, CyclePhase next, CancellationToken ct = default)
    {
        var cycle = await RequireAsync(cycleId, ct);
        cycle.MoveTo(next, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Linked items with their current state; deleted targets are reported, not dropped.</summary>
    public async Task<IReadOnlyList<LinkedItem>> LinkedItemsAsync(ImprovementCycle cycle, CancellationToken ct = default)
    {
        var documentIds = cycle.Links.Where(l => l.Kind != CycleLinkKind.Course).Select(l => l.TargetId).ToList();
        var documents = await db.KnowledgeDocuments.AsNoTracking().Where(d => documentIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Status }).ToDictionaryAsync(d => d.Id, d => d.Status, ct);
        var items = new List<LinkedItem>();
        foreach (var link in cycle.Links.OrderBy(l => l.LinkedAt))
        {
            if (link.Kind == CycleLinkKind.Course)
            {
                var title = await signals.CourseTitleAsync(link.TargetId, ct);
                items.Add(new LinkedItem(link, title is not null, null));
            }
            else
            {
                items.Add(new LinkedItem(link, documents.ContainsKey(link.TargetId), documents.TryGetValue(link.TargetId, out var s) ? s.ToString() : null));
            }
        }

        return items;
    }

    /// <summary>
    /// Adapt by standardising: the linked playbook becomes a new revision of the procedure it improves
    /// (the proposal's text), the revision is linked and the cycle closes as Standardised.
    /// </summary>
    public async Task<int> StandardiseAsync(int cycleId, int playbookId, Actor manager, CancellationToken ct = default)
    {
        var cycle = await RequireAsync(cycleId, ct);
        if (cycle.Phase != CyclePhase.Adapt)
        {
            throw new ImprovementRuleException("Only a cycle in Adapt can be closed.");
        }

        if (!cycle.Links.Any(l => l.Kind == CycleLinkKind.Playbook && l.TargetId == playbookId))
        {
            throw new ImprovementRuleException("Standardise a playbook linked to this cycle.");
        }

        var proposal = await standardisation.ProposeAsync(playbookId, null, manager, ct: ct);
        if (proposal?.ProcedureId is not { } procedureId)
        {
            throw new ImprovementRuleException("The playbook does not name a procedure step it improves.");
        }

        // Closing a cycle by standardising puts the practice in force the same day (the page says so on the button).
        await standardisation.StandardiseAsync(playbookId, procedureId, proposal.ProposedBody, DateOnly.FromDateTime(Now), manager, ct);
        db.ChangeTracker.Clear();
        cycle = await RequireAsync(cycleId, ct);
        var procedure = await db.KnowledgeDocuments.AsNoTracking().Where(d => d.Id == procedureId)
            .Select(d => new { d.CurrentRevisionNumber, Title = d.Revisions.Where(r => r.Number == d.CurrentRevisionNumber).Select(r => r.Title).FirstOrDefault() })
            .FirstAsync(ct);
        cycle.Link(CycleLinkKind.ProcedureRevision, procedureId, $"{procedure.Title} · r{procedure.CurrentRevisionNumber}", Now);
        cycle.Close(CycleOutcome.Standardised, null, Now);
        await db.SaveChangesAsync(ct);
        return procedureId;
    }

    /// <summary>
    /// Adapt by opening the next cycle: this one closes and a PDCA cycle on the same metric starts whose
    /// baseline is this cycle's after-rollout result — the next cycle starts from where this one ended.
    /// </summary>
    public async Task<ImprovementCycle> OpenNextAsync(int cycleId, string? note, CancellationToken ct = default)
    {
        var cycle = await RequireAsync(cycleId, ct);
        cycle.Close(CycleOutcome.NextCycle, note, Now);
        var today = Now.Date;
        var afterEnd = cycle.CheckDate < today ? cycle.CheckDate : today;
        var baselineFrom = cycle.RolloutDate < afterEnd ? cycle.RolloutDate : afterEnd.AddDays(-90);
        var length = cycle.CheckDate - cycle.RolloutDate;
        var plan = new CyclePlan(CycleType.Pdca, cycle.Title, cycle.Problem, cycle.Team, cycle.OwnerUserId, cycle.OwnerName, cycle.Roles,
            cycle.Target, cycle.TargetValue, baselineFrom, afterEnd > baselineFrom ? afterEnd : baselineFrom.AddDays(1), today, today + length,
            cycle.Id, cycle.Source);
        var baseline = await measurement.MeasureAsync(plan.Target, plan.BaselineFrom, plan.BaselineTo, ct);
        var next = ImprovementCycle.Open(plan, baseline, Now);
        db.ImprovementCycles.Add(next);
        await db.SaveChangesAsync(ct);
        return next;
    }

    /// <summary>Adapt without standardising: the cycle closes as Stopped with the reason.</summary>
    public async Task StopAsync(int cycleId, string? note, CancellationToken ct = default)
    {
        var cycle = await RequireAsync(cycleId, ct);
        cycle.Close(CycleOutcome.Stopped, note, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The whole chain this cycle belongs to, oldest first: its ancestors, itself and its followers.</summary>
    public async Task<IReadOnlyList<ImprovementCycle>> ChainAsync(int cycleId, CancellationToken ct = default)
    {
        var all = await db.ImprovementCycles.AsNoTracking().Select(c => new { c.Id, c.ParentCycleId }).ToListAsync(ct);
        var parents = all.ToDictionary(c => c.Id, c => c.ParentCycleId);
        if (!parents.ContainsKey(cycleId))
        {
            return [];
        }

        var root = cycleId;
        for (var guard = 0; parents[root] is { } p && parents.ContainsKey(p) && guard < 1000; guard++)
        {
            root = p;
        }

        var ids = new List<int> { root };
        for (var i = 0; i < ids.Count; i++)
        {
            ids.AddRange(all.Where(c => c.ParentCycleId == ids[i]).Select(c => c.Id));
        }

        var cycles = await db.ImprovementCycles.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        return [.. ids.Select(id => cycles.First(c => c.Id == id))];
    }

    private async Task<ImprovementCycle> RequireAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw new ImprovementRuleException("The cycle does not exist.");
}
