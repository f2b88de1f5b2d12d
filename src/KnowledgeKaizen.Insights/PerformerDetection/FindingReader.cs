using KnowledgeKaizen.Insights.PerformerDetection.Retraining;
using Microsoft.Extensions.Caching.Memory;

namespace KnowledgeKaizen.Insights.PerformerDetection;

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
        var findings = await db.PerformerFindings.AsNoTracking().Where(f => f.SnapshotId == snapshotId)
            .Where(query.Filter(includeCoaching)).ToListAsync(ct);
        return await DescribeAsync(findings, query, ct);
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
    /// Pairs for entries decided in [from, to), chosen and ordered as <see cref="ListAsync"/> does: that period's entries
    /// scored by the serving model and analysed with the same evidence rules. The model saw these entries in training
    /// (not out of fold), which shrinks rep effects slightly towards zero — conservative. NotEnoughData when no model
    /// serves yet or the period is too thin.
    /// </summary>
    public async Task<(InsightOutcome<IReadOnlyList<FindingRow>> Outcome, int? ModelVersion)> WindowAsync(DateTime? from, DateTime? to,
        FindingQuery query, bool includeCoaching, CancellationToken ct = default)
    {
        var model = await store.LoadCurrentAsync(ct);
        if (model is null)
        {
            return (InsightOutcome<IReadOnlyList<FindingRow>>.Insufficient(InsightMessages.NoModel), null);
        }

        var key = (nameof(FindingReader), model.Report.Version, from, to);
        if (!cache.TryGetValue(key, out InsightOutcome<PerformerAnalysis>? analysis) || analysis is null)
        {
            var observations = await source.LoadAsync(from, to, ct);
            analysis = observations.Count == 0
                ? InsightOutcome<PerformerAnalysis>.Insufficient(InsightMessages.NoEntriesInPeriod)
                : new PerformerAnalyzer(evidence).Analyze(observations, model.Predict(observations));
            cache.Set(key, analysis, TimeSpan.FromMinutes(10));
        }

        if (analysis.Value is null)
        {
            return (InsightOutcome<IReadOnlyList<FindingRow>>.Insufficient(analysis.NotEnoughData!.Reason), model.Report.Version);
        }

        var reps = await source.RepsAsync(ct);
        var filter = query.Filter(includeCoaching).Compile();
        var findings = analysis.Value.Findings.Select(f => SnapshotBuilder.Record(f, reps)).Where(filter).ToList();
        return (InsightOutcome<IReadOnlyList<FindingRow>>.Success(await DescribeAsync(findings, query, ct)), model.Report.Version);
    }

    /// <summary>Joins the reps and stages as they are now, applies the team filter and the one order of every findings table.</summary>
    private async Task<IReadOnlyList<FindingRow>> DescribeAsync(IReadOnlyList<PerformerFinding> findings, FindingQuery query, CancellationToken ct)
    {
        var reps = await db.Reps.AsNoTracking().Select(r => new { r.Id, r.ExternalId, r.Name, r.Team }).ToDictionaryAsync(r => r.Id, ct);
        var stages = await db.SalesStages.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        var rows = findings.Select(f =>
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
}
