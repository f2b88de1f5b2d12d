using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.PerformerDetection;
using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Insights.PerformerDetection.Retraining;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>A stored finding with the rep's current name and team and the stage's display names.</summary>
public sealed record FindingRow(PerformerFinding Finding, string RepExternalId, string RepName, string Team, string StageName, string? StageNameZh,
    int StagePosition, string? ProcedureSlug)
{
    public string StageDisplay(bool chinese) => chinese && !string.IsNullOrEmpty(StageNameZh) ? StageNameZh : StageName;
}

/// <summary>Which pairs a table shows. Stage is a code; Team a CRM team name.</summary>
public sealed record FindingQuery(string? Stage = null, string? Team = null, FindingClass? Class = null, long? RepId = null);

/// <summary>
/// Reads findings for pages and the API: from the latest snapshot (instant), or for a period by scoring that period's
/// entries with the serving model (cached per model version and period).
/// </summary>
public sealed class FindingReader(KnowledgeKaizenDbContext db, StageOutcomeSource source, ModelStore store, EvidenceOptions evidence, IMemoryCache cache)
{
    /// <summary>The latest snapshot (findings not loaded), or null before the first retraining.</summary>
    public Task<FindingSnapshot?> LatestAsync(CancellationToken ct = default) =>
        db.FindingSnapshots.AsNoTracking().OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Pairs of a snapshot ordered by class (Standout, Promising, Typical, NeedsCoaching, InsufficientData) and then by
    /// the shrunk rate on the company mix — never by raw rate. NeedsCoaching only when <paramref name="includeCoaching"/>.
    /// </summary>
    public async Task<IReadOnlyList<FindingRow>> ListAsync(long snapshotId, FindingQuery query, bool includeCoaching, CancellationToken ct = default)
    {
        var findings = db.PerformerFindings.AsNoTracking().Where(f => f.SnapshotId == snapshotId);
        if (!string.IsNullOrEmpty(query.Stage))
        {
            findings = findings.Where(f => f.Stage == query.Stage);
        }

        if (query.Class is { } wanted)
        {
            findings = findings.Where(f => f.Class == wanted);
        }

        if (query.RepId is { } repId)
        {
            findings = findings.Where(f => f.RepId == repId);
        }

        if (!includeCoaching)
        {
            findings = findings.Where(f => f.Class != FindingClass.NeedsCoaching);
        }

        var reps = await db.Reps.AsNoTracking().Select(r => new { r.Id, r.ExternalId, r.Name, r.Team }).ToDictionaryAsync(r => r.Id, ct);
        var stages = await db.SalesStages.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        var rows = (await findings.ToListAsync(ct)).Select(f =>
        {
            var rep = reps.GetValueOrDefault(f.RepId);
            var stage = stages.GetValueOrDefault(f.Stage);
            return new FindingRow(f, rep?.ExternalId ?? string.Empty, rep?.Name ?? f.RepName, rep?.Team ?? string.Empty,
                stage?.Name ?? f.Stage, stage?.NameZh, stage?.Position ?? int.MaxValue, stage?.ProcedureSlug);
        });
        if (!string.IsNullOrEmpty(query.Team))
        {
            rows = rows.Where(r => r.Team == query.Team);
        }

        return [.. rows.OrderBy(r => Rank(r.Finding.Class)).ThenByDescending(r => r.Finding.Figures.ShrunkRateOnCompanyMix)
            .ThenBy(r => r.StagePosition).ThenBy(r => r.RepName, StringComparer.Ordinal)];
    }

    /// <summary>One pair of the latest snapshot, or null.</summary>
    public async Task<FindingRow?> FindAsync(long snapshotId, long repId, string stage, CancellationToken ct = default) =>
        (await ListAsync(snapshotId, new FindingQuery(Stage: stage, RepId: repId), includeCoaching: true, ct)).FirstOrDefault();

    public static int Rank(FindingClass value) => value switch
    {
        FindingClass.Standout => 0,
        FindingClass.Promising => 1,
        FindingClass.Typical => 2,
        FindingClass.NeedsCoaching => 3,
        _ => 4,
    };

    /// <summary>
    /// Findings for entries decided in [from, to): that period's entries scored by the serving model and analysed with
    /// the same evidence rules. The model saw these entries in training (not out of fold), which shrinks rep effects
    /// slightly towards zero — conservative. NotEnoughData when no model serves yet or the period is too thin.
    /// </summary>
    public async Task<(InsightOutcome<PerformerAnalysis> Outcome, int? ModelVersion)> WindowAsync(DateTime? from, DateTime? to, CancellationToken ct = default)
    {
        var model = await store.LoadCurrentAsync(ct);
        if (model is null)
        {
            return (InsightOutcome<PerformerAnalysis>.Insufficient("no model has been trained yet"), null);
        }

        var key = (nameof(FindingReader), model.Report.Version, from, to);
        if (cache.TryGetValue(key, out InsightOutcome<PerformerAnalysis>? cached) && cached is not null)
        {
            return (cached, model.Report.Version);
        }

        var observations = await source.LoadAsync(from, to, ct);
        var outcome = observations.Count == 0
            ? InsightOutcome<PerformerAnalysis>.Insufficient("no closed stage entries in this period")
            : new PerformerAnalyzer(evidence).Analyze(observations, model.Predict(observations));
        cache.Set(key, outcome, TimeSpan.FromMinutes(10));
        return (outcome, model.Report.Version);
    }
}
