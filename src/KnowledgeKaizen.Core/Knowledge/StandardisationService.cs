namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>
/// SDCA: a KnowledgeManager promotes a published playbook into a new revision of the procedure it improves.
/// The proposal adds only the practice (what the author does and the steps), under the procedure step it improves,
/// crediting the author; the manager edits it, sees the changes against the procedure's current text, and publishes
/// it from a date they choose. The playbook keeps its link (it becomes Standardised, pointing at the procedure).
/// </summary>
public sealed class StandardisationService(KnowledgeKaizenDbContext db, KnowledgeService knowledge)
{
    /// <summary>
    /// The proposal for <paramref name="procedureId"/> (default: the first procedure the playbook improves). With
    /// <paramref name="editedBody"/> the changes shown are those of the manager's edited text instead of the proposal's.
    /// </summary>
    public async Task<StandardisationProposal?> ProposeAsync(int playbookId, int? procedureId, Actor manager, string? editedBody = null,
        CancellationToken ct = default)
    {
        var playbook = await knowledge.FindAsync(playbookId, manager, ct);
        if (playbook is not { Kind: DocumentKind.Playbook })
        {
            return null;
        }

        var slugs = playbook.Improves.Select(i => i.Split('#')[0]).Distinct().ToList();
        var procedures = await db.KnowledgeDocuments.Include(d => d.Revisions)
            .Where(d => d.Kind == DocumentKind.Procedure && d.Language == playbook.Language && slugs.Contains(d.Slug))
            .OrderBy(d => d.Title).ToListAsync(ct);
        var target = procedures.FirstOrDefault(p => p.Id == procedureId) ?? procedures.FirstOrDefault();
        if (target is null)
        {
            return new StandardisationProposal(playbook, procedures, null, string.Empty, null);
        }

        var body = editedBody ?? PracticeProposal.Body(target, playbook);
        return new StandardisationProposal(playbook, procedures, target.Id, body, RevisionDiff.Compare(target.CurrentRevision, target.Preview(body)));
    }

    /// <summary>Writes the new procedure revision (in force from <paramref name="effective"/>) and marks the playbook Standardised.</summary>
    public async Task<DocumentRevision> StandardiseAsync(int playbookId, int procedureId, string body, DateOnly effective, Actor manager, CancellationToken ct = default)
    {
        var playbook = await knowledge.LoadAsync(playbookId, ct);
        var procedure = await knowledge.LoadAsync(procedureId, ct);
        if (playbook is not { Kind: DocumentKind.Playbook } || procedure is not { Kind: DocumentKind.Procedure })
        {
            throw new KnowledgeRuleException("The document does not exist.");
        }

        if (!playbook.Improves.Any(i => i.Split('#')[0] == procedure.Slug))
        {
            throw new KnowledgeRuleException("The playbook does not improve this procedure.");
        }

        var revision = procedure.AdoptPractice(playbook, body, manager, effective, knowledge.Now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new KnowledgeRuleException("Someone else changed this document at the same time. Reload and try again.");
        }

        return revision;
    }
}
