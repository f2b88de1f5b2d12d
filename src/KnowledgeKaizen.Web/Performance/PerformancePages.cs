using System.Globalization;
using System.Security.Claims;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Core.Performance;
using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Insights.Metrics;
using KnowledgeKaizen.Insights.Performance;
using KnowledgeKaizen.Insights.PerformanceData;

namespace KnowledgeKaizen.Web.Performance;

/// <summary>The performance table: latest snapshot, its rows, capture requests per pair, filter values and any running retraining.</summary>
public sealed record PerformanceTable(PerformanceSnapshot? Snapshot, IReadOnlyList<FindingRow> Rows, IReadOnlyDictionary<(long RepId, string Stage), CaptureRequest> Requests,
    IReadOnlyList<StageInfo> Stages, IReadOnlyList<string> Teams, BackgroundJob? Retraining, FindingsValidation? Validation);

/// <summary>One finding with its explanation, for the detail page; managers also get the trust check stored with the snapshot's model.</summary>
public sealed record FindingDetail(FindingRow Row, FindingExplanation? Explanation, PerformanceSnapshot Snapshot, CaptureRequest? Request, bool ViewerIsManager,
    FindingsValidation? Validation);

/// <summary>The model page: serving version, every stored version's report, the latest snapshot and retraining.</summary>
public sealed record ModelOverview(int? CurrentVersion, ExpectedOutcomeModelReport? Current, IReadOnlyList<ExpectedOutcomeModelReport> History,
    PerformanceSnapshot? Snapshot, BackgroundJob? LatestJob, ExpectedOutcomeOptions ModelOptions, PerformanceOptions EvidenceOptions);

/// <summary>
/// What the performance pages and API need, in one place: who may see which finding (managers all; a rep their own
/// Standout, Promising and Typical findings; NeedsCoaching never outside managers), capture requests and retraining.
/// </summary>
public sealed class PerformancePages(PerformanceReader reader, ProcessMetrics metrics, CaptureRequestService captures, RetrainTrigger trigger,
    ModelStore store, ExpectedOutcomeOptions modelOptions, PerformanceOptions evidenceOptions)
{
    public static bool IsManager(ClaimsPrincipal user) => user.IsInRole(Roles.KnowledgeManager) || user.IsInRole(Roles.Admin);

    public async Task<PerformanceTable> TableAsync(PerformanceQuery query, CancellationToken ct)
    {
        var snapshot = await reader.LatestAsync(ct);
        var rows = snapshot is null ? [] : await reader.ListAsync(snapshot.Id, query, includeCoaching: true, ct);
        var requests = (await captures.ListAsync(ct)).GroupBy(r => (r.RepId, r.Stage)).ToDictionary(g => g.Key, g => g.First());
        var reps = await metrics.RepsAsync(ct);
        return new PerformanceTable(snapshot, rows, requests, await metrics.StagesAsync(ct),
            [.. reps.Select(r => r.Team).Distinct().Order(StringComparer.Ordinal)], await trigger.ActiveAsync(ct), ValidationOf(snapshot));
    }

    /// <summary>The finding, or null when it does not exist or the viewer may not see it (a 404, not a 403: existence is not revealed).</summary>
    public async Task<FindingDetail?> FindingAsync(ClaimsPrincipal user, long repId, string stage, CancellationToken ct)
    {
        var snapshot = await reader.LatestAsync(ct);
        if (snapshot is null || await reader.FindAsync(snapshot.Id, repId, stage, ct) is not { } row)
        {
            return null;
        }

        var manager = IsManager(user);
        if (!manager && (row.Finding.IsManagerOnly || row.Finding.Class == FindingClass.InsufficientData || await ViewerRepAsync(user, ct) != repId))
        {
            return null;
        }

        var request = (await captures.ListAsync(ct)).FirstOrDefault(r => r.RepId == repId && r.Stage == stage);
        return new FindingDetail(row, CaptureEvidence.Explanation(row.Finding), snapshot, manager ? request : null, manager, manager ? ValidationOf(snapshot) : null);
    }

    /// <summary>The panel on a rep's page: everything for managers, Standout/Promising/Typical for the rep themselves.</summary>
    public async Task<IReadOnlyList<FindingRow>> RepPanelAsync(ClaimsPrincipal user, long repId, CancellationToken ct)
    {
        var snapshot = await reader.LatestAsync(ct);
        if (snapshot is null)
        {
            return [];
        }

        var manager = IsManager(user);
        if (!manager && await ViewerRepAsync(user, ct) != repId)
        {
            return [];
        }

        var rows = await reader.ListAsync(snapshot.Id, new PerformanceQuery(RepId: repId), includeCoaching: manager, ct);
        return manager ? rows : [.. rows.Where(r => r.Finding.Class is FindingClass.Standout or FindingClass.Promising or FindingClass.Typical)];
    }

    public async Task<CaptureSendResult> SendCaptureRequestAsync(long repId, string stage, ClaimsPrincipal user, string taskTitle, CancellationToken ct)
    {
        var snapshot = await reader.LatestAsync(ct);
        if (snapshot is null || await reader.FindAsync(snapshot.Id, repId, stage, ct) is not { } row)
        {
            return new CaptureSendResult(CaptureSendStatus.FindingNotFound);
        }

        var evidence = CaptureEvidence.Build(row.Finding, row.StageName, snapshot.ModelVersion, row.ProcedureSlug);
        return await captures.SendAsync(row.Finding, evidence, user.Identity?.Name ?? "manager", taskTitle, ct);
    }

    public async Task<ModelOverview> ModelAsync(CancellationToken ct)
    {
        var current = store.LoadCurrent()?.Report;
        return new ModelOverview(store.CurrentVersion, current, store.History(), await reader.LatestAsync(ct), await trigger.LatestAsync(ct), modelOptions, evidenceOptions);
    }

    public Task<BackgroundJob> RetrainAsync(ClaimsPrincipal user, CancellationToken ct) =>
        trigger.EnqueueAsync("on demand", user.Identity?.Name, ct);

    public Task<BackgroundJob?> JobAsync(Guid id, CancellationToken ct) => trigger.FindAsync(id, ct);

    public async Task<PerformanceApiResponse> ApiAsync(PerformanceQuery query, DateTime? from, DateTime? to, CancellationToken ct)
    {
        if (from is null && to is null)
        {
            var snapshot = await reader.LatestAsync(ct);
            if (snapshot is null)
            {
                return new PerformanceApiResponse("pending", "The first training has not finished yet.", "snapshot", null, null, null, null, []);
            }

            if (snapshot.Status == SnapshotStatus.NotEnoughData)
            {
                return new PerformanceApiResponse("not-enough-data", snapshot.Reason, "snapshot", null, snapshot.ComputedAt, null, null, []);
            }

            var rows = await reader.ListAsync(snapshot.Id, query, includeCoaching: true, ct);
            return new PerformanceApiResponse("ready", null, "snapshot", snapshot.ModelVersion, snapshot.ComputedAt, null, null,
                [.. rows.Select(r => PerformanceApi.ToApi(r.RepExternalId, r.RepName, r.Team, r.Finding.Stage, r.Finding.Class, r.Finding.Figures, r.Finding.InsufficientReason, snapshot.ModelVersion))]);
        }

        var (outcome, version) = await reader.WindowAsync(from, to, ct);
        if (outcome.Value is null)
        {
            return new PerformanceApiResponse("not-enough-data", outcome.NotEnoughData!.Reason, "period", version, null, from, to, []);
        }

        var reps = (await metrics.RepsAsync(ct)).ToDictionary(r => r.Id.ToString(CultureInfo.InvariantCulture));
        var findings = outcome.Value.Findings
            .Select(f => (Finding: f, Rep: reps.GetValueOrDefault(f.RepId), Class: SnapshotBuilder.ToStored(f.Class)))
            .Where(x => query.Stage is null || x.Finding.Stage == query.Stage)
            .Where(x => query.Team is null || x.Rep?.Team == query.Team)
            .OrderBy(x => PerformanceReader.Rank(x.Class)).ThenByDescending(x => x.Finding.ShrunkRateOnCompanyMix)
            .Select(x => PerformanceApi.ToApi(x.Rep?.ExternalId ?? x.Finding.RepId, x.Rep?.Name ?? x.Finding.RepId, x.Rep?.Team ?? string.Empty,
                x.Finding.Stage, x.Class, SnapshotBuilder.Figures(x.Finding), x.Finding.InsufficientReason, version));
        return new PerformanceApiResponse("ready", null, "period", version, DateTimeOffset.UtcNow, from, to, [.. findings]);
    }

    /// <summary>Computed by the retraining that wrote the snapshot and stored with its model version.</summary>
    private FindingsValidation? ValidationOf(PerformanceSnapshot? snapshot) =>
        snapshot?.ModelVersion is { } version ? store.ReportOf(version)?.Validation : null;

    private async Task<long?> ViewerRepAsync(ClaimsPrincipal user, CancellationToken ct) =>
        (await metrics.ViewerAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name, false, ct)).RepId;
}
