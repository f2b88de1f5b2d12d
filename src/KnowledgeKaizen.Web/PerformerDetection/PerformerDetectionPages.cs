using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Insights.PerformerDetection.Retraining;

namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary>
/// What the performer-detection pages and API need, in one place: who may see which finding (managers all; a rep their own
/// Standout, Promising and Typical findings; NeedsCoaching never outside managers), capture requests and retraining.
/// </summary>
public sealed class PerformerDetectionPages(FindingReader reader, ProcessMetrics metrics, CaptureRequestService captures, RetrainTrigger trigger,
    ModelStore store, ExpectedOutcomeOptions modelOptions, EvidenceOptions evidenceOptions, TimeProvider clock)
{
    public static bool IsManager(ClaimsPrincipal user) => user.IsInRole(Roles.KnowledgeManager) || user.IsInRole(Roles.Admin);

    public async Task<FindingTable> TableAsync(FindingQuery query, CancellationToken ct)
    {
        var snapshot = await reader.LatestAsync(ct);
        var rows = snapshot is null ? [] : await reader.ListAsync(snapshot.Id, query, includeCoaching: true, ct);
        var requests = (await captures.ListAsync(ct)).GroupBy(r => (r.RepId, r.Stage)).ToDictionary(g => g.Key, g => g.First());
        var reps = await metrics.RepsAsync(ct);
        return new FindingTable(snapshot, rows, requests, await metrics.StagesAsync(ct),
            [.. reps.Select(r => r.Team).Distinct().Order(StringComparer.Ordinal)], await trigger.ActiveAsync(ct), await ValidationOfAsync(snapshot, ct));
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
        return new FindingDetail(row, CaptureEvidence.Explanation(row.Finding), snapshot, manager ? request : null, manager, manager ? await ValidationOfAsync(snapshot, ct) : null);
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

        var rows = await reader.ListAsync(snapshot.Id, new FindingQuery(RepId: repId), includeCoaching: manager, ct);
        return manager ? rows : [.. rows.Where(r => r.Finding.Class is FindingClass.Standout or FindingClass.Promising or FindingClass.Typical)];
    }

    public async Task<CaptureSendResult> SendCaptureRequestAsync(long repId, string stage, ClaimsPrincipal user, CancellationToken ct)
    {
        var snapshot = await reader.LatestAsync(ct);
        if (snapshot is null || await reader.FindAsync(snapshot.Id, repId, stage, ct) is not { } row)
        {
            return new CaptureSendResult(CaptureSendStatus.FindingNotFound);
        }

        var evidence = CaptureEvidence.Build(row.Finding, row.StageName, snapshot.ModelVersion, row.ProcedureSlug);
        return await captures.SendAsync(row.Finding, evidence, user.Identity?.Name ?? "manager", ct);
    }

    public async Task<ModelOverview> ModelAsync(CancellationToken ct)
    {
        var current = (await store.LoadCurrentAsync(ct))?.Report;
        return new ModelOverview(await store.CurrentVersionAsync(ct), current, await store.HistoryAsync(ct), await reader.LatestAsync(ct),
            await trigger.LatestAsync(ct), modelOptions, evidenceOptions);
    }

    public Task<BackgroundJob> RetrainAsync(ClaimsPrincipal user, CancellationToken ct) =>
        trigger.EnqueueAsync("on demand", user.Identity?.Name, ct);

    public Task<BackgroundJob?> JobAsync(Guid id, CancellationToken ct) => trigger.FindAsync(id, ct);

    public async Task<FindingsResponse> ApiAsync(FindingQuery query, DateTime? from, DateTime? to, CancellationToken ct)
    {
        if (from is null && to is null)
        {
            var snapshot = await reader.LatestAsync(ct);
            if (snapshot is null)
            {
                return new FindingsResponse("pending", "The first training has not finished yet.", "snapshot", null, null, null, null, []);
            }

            if (snapshot.Status == SnapshotStatus.NotEnoughData)
            {
                return new FindingsResponse("not-enough-data", snapshot.Reason, "snapshot", null, snapshot.ComputedAt, null, null, []);
            }

            var rows = await reader.ListAsync(snapshot.Id, query, includeCoaching: true, ct);
            return new FindingsResponse("ready", null, "snapshot", snapshot.ModelVersion, snapshot.ComputedAt, null, null,
                [.. rows.Select(r => FindingResponse.Of(r, snapshot.ModelVersion))]);
        }

        var (outcome, version) = await reader.WindowAsync(from, to, query, includeCoaching: true, ct);
        return outcome.Value is { } window
            ? new FindingsResponse("ready", null, "period", version, clock.GetUtcNow(), from, to, [.. window.Select(r => FindingResponse.Of(r, version))])
            : new FindingsResponse("not-enough-data", outcome.NotEnoughData!.Reason, "period", version, null, from, to, []);
    }

    /// <summary>Computed by the retraining that wrote the snapshot and stored with its model version.</summary>
    private async Task<FindingsValidation?> ValidationOfAsync(FindingSnapshot? snapshot, CancellationToken ct) =>
        snapshot?.ModelVersion is { } version ? (await store.ReportOfAsync(version, ct))?.Validation : null;

    private async Task<long?> ViewerRepAsync(ClaimsPrincipal user, CancellationToken ct) =>
        (await metrics.ViewerAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name, false, ct)).RepId;
}
