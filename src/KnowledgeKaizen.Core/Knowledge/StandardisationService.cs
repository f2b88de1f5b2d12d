using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>
/// SDCA: a KnowledgeManager promotes a published playbook into a new revision of the procedure it improves.
/// The playbook keeps its link (it becomes Standardised, pointing at the procedure) and its author is
/// credited in the procedure revision's change note and in the adopted section.
/// </summary>
public sealed class StandardisationService(KnowledgeKaizenDbContext db, KnowledgeService knowledge)
{
    public async Task<StandardisationProposal?> ProposeAsync(int playbookId, int? procedureId, Actor manager, CancellationToken ct = default)
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
        var body = target is null ? string.Empty : ProposedBody(target, playbook);
        return new StandardisationProposal(playbook, procedures, target?.Id, body);
    }

    /// <summary>Writes the new procedure revision (in force from <paramref name="effective"/>) and marks the playbook Standardised.</summary>
    public async Task<DocumentRevision> StandardiseAsync(int playbookId, int procedureId, string body, DateOnly? effective, Actor manager, CancellationToken ct = default)
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

        var revision = procedure.AdoptPractice(playbook, body, manager, effective ?? knowledge.Today, knowledge.Now);
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

    /// <summary>The procedure's current text with the practice appended as a credited section the manager then edits.</summary>
    internal static string ProposedBody(KnowledgeDocument procedure, KnowledgeDocument playbook)
    {
        var chinese = playbook.Language == "zh";
        var steps = string.Join(", ", playbook.Improves.Where(i => i.StartsWith(procedure.Slug + "#", StringComparison.Ordinal))
            .Select(i => "[" + i.Split('#')[1] + "](#" + i.Split('#')[1] + ")"));
        var heading = chinese ? $"## 采纳的做法：{playbook.Title}" : $"## Adopted practice: {playbook.Title}";
        var credit = chinese
            ? $"> 来自 {playbook.AuthorName} 的最佳实践手册（[#{playbook.Id}](/Knowledge/Details/{playbook.Id})），改进 {steps}。"
            : $"> From the playbook by {playbook.AuthorName} ([#{playbook.Id}](/Knowledge/Details/{playbook.Id})), improving {steps}.";
        var practice = playbook.RevisionInForce(DateOnly.MaxValue)?.Body ?? playbook.CurrentRevision.Body;
        return $"{procedure.CurrentRevision.Body.TrimEnd()}\n\n{heading}\n\n{credit}\n\n{DemoteHeadings(practice).Trim()}\n";
    }

    /// <summary>The playbook's "##" sections become "####" so they nest under the adopted-practice heading.</summary>
    private static string DemoteHeadings(string markdown) =>
        string.Join('\n', markdown.Split('\n').Select(line => line.StartsWith('#') ? "##" + line : line));
}
