using System.Diagnostics;

namespace KnowledgeKaizen.Insights.PerformerDetection.Retraining;

/// <summary>
/// Job kind "performer-retrain": loads the closed stage entries, trains and analyses them (engine), stores the model
/// with <see cref="ModelStore.SaveAndPromoteAsync"/> and the findings as a new <see cref="FindingSnapshot"/>. The
/// previous model and snapshot keep serving throughout; a worse model is not promoted and leaves the snapshot alone.
/// A job run again (its instance died) does its work once: the version it promoted before stays the one, and a snapshot
/// it stored for it ends the job.
/// </summary>
public sealed class RetrainJobHandler(
    KnowledgeKaizenDbContext db,
    StageOutcomeSource source,
    ModelStore store,
    ExpectedOutcomeOptions modelOptions,
    EvidenceOptions evidenceOptions,
    IOptions<RetrainOptions> jobOptions,
    CaptureRequestService captures,
    TimeProvider clock) : IJobHandler
{
    public const string JobKind = "performer-retrain";

    public string Kind => JobKind;

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var result = await RetrainAsync(progress, job.Id, cancellationToken);
        await progress.ReportAsync(1, result.Message, cancellationToken);
        return JsonSerializer.Serialize(result, FindingJson.Options);
    }

    /// <summary>Trains, checks and keeps a model and its findings (see the type), reporting each step to <paramref name="progress"/>.</summary>
    /// <param name="progress">Where the steps go.</param>
    /// <param name="job">The job this retraining runs as (null outside one): what it promoted in an earlier run is kept.</param>
    /// <param name="ct">Cancels the retraining.</param>
    public async Task<RetrainResult> RetrainAsync(IJobProgress progress, Guid? job, CancellationToken ct)
    {
        var clockWatch = Stopwatch.StartNew();
        var promotedEarlier = job is null ? null : (await store.HistoryAsync(ct)).LastOrDefault(r => r.RetrainJob == job);
        if (promotedEarlier is not null && await SnapshotOfAsync(promotedEarlier.Version, ct) is { } done)
        {
            return await DoneEarlierAsync(promotedEarlier, done, clockWatch.Elapsed, ct);
        }

        await progress.ReportAsync(0.02, InsightMessages.Loading, ct);
        var observations = await source.LoadAsync(null, null, ct);
        var options = SnapshotBuilder.OptionsJson(modelOptions, evidenceOptions);
        await progress.ReportAsync(0.1, InsightMessages.Format(InsightMessages.Training, observations.Count), ct);

        var engine = new PerformerDetectionEngine(modelOptions, evidenceOptions, clock);
        var outcome = await WithProgressAsync(() => engine.Run(observations, ct), 0.1, 0.7, InsightMessages.CrossValidating, progress, ct);
        if (outcome.Value is null)
        {
            var reason = outcome.NotEnoughData!.Reason;
            var keepsServing = await db.FindingSnapshots.AnyAsync(s => s.Status == SnapshotStatus.Ready, ct);
            if (!keepsServing)
            {
                db.FindingSnapshots.Add(FindingSnapshot.NotEnoughData(clock.GetUtcNow(), observations.Count, options, reason));
                await db.SaveChangesAsync(ct);
            }

            var message = InsightMessages.Format(keepsServing ? InsightMessages.NotEnoughDataKeepsServing : InsightMessages.NotEnoughData, reason);
            return new RetrainResult("not-enough-data", message, observations.Count, null, null, null, 0, clockWatch.Elapsed.TotalSeconds, 0);
        }

        // A model that would not serve is not kept: its findings are not checked.
        if (promotedEarlier is null && await store.RejectionAsync(outcome.Value.Training.Model.Report, jobOptions.Value.PromotionAucMargin, ct) is { } rejection)
        {
            return await RejectedAsync(rejection, observations.Count, clockWatch.Elapsed, ct);
        }

        // Computed here, once per retraining, and stored with the model: the pages only read it.
        var validator = new FindingsValidator(modelOptions, evidenceOptions);
        var validation = await WithProgressAsync(() => validator.Validate(observations, outcome.Value, ct), 0.7, 0.87,
            InsightMessages.Checking, progress, ct);
        var model = outcome.Value.Training.Model;
        model.Report = model.Report with { Validation = validation };
        if (jobOptions.Value.RetrainHoldMarker is { } marker)
        {
            await CrashTestHold.UntilKilledAsync(marker, "trained", ct);
        }

        await progress.ReportAsync(0.88, InsightMessages.SavingModel, ct);
        // Promoted by this job's earlier run, trained the same way (same options and seed): the snapshot names that version.
        // (A promotion's reason is only ever shown when it is refused.)
        var promotion = promotedEarlier is not null
            ? new ModelPromotion(true, promotedEarlier.Version, string.Empty, promotedEarlier, null)
            : await store.SaveAndPromoteAsync(outcome.Value.Training.Model, jobOptions.Value.PromotionAucMargin, job, ct);
        if (!promotion.Promoted)
        {
            return await RejectedAsync(promotion, observations.Count, clockWatch.Elapsed, ct);
        }

        await progress.ReportAsync(0.93, InsightMessages.SavingFindings, ct);
        var snapshot = SnapshotBuilder.Build(outcome.Value, promotion.Version!.Value, observations.Count, options, await source.RepsAsync(ct), clock.GetUtcNow());
        db.FindingSnapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);
        await PruneAsync(ct);
        var sent = jobOptions.Value.AutoCaptureRequests ? await SendCaptureRequestsAsync(snapshot, ct) : 0;
        var standouts = snapshot.Findings.Count(f => f.Class == FindingClass.Standout);
        return new RetrainResult("promoted",
            InsightMessages.Format(InsightMessages.Promoted, promotion.Version, promotion.Candidate.Trainer, promotion.Candidate.Auc, standouts, snapshot.Findings.Count),
            observations.Count, promotion.Version, snapshot.Id, promotion.Candidate.Auc, standouts, clockWatch.Elapsed.TotalSeconds, sent);
    }

    private Task<FindingSnapshot?> SnapshotOfAsync(int version, CancellationToken ct) =>
        db.FindingSnapshots.Include(s => s.Findings).Where(s => s.ModelVersion == version && s.Status == SnapshotStatus.Ready)
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);

    /// <summary>An earlier run of the job promoted its model and stored its snapshot: only capture requests may be missing.</summary>
    private async Task<RetrainResult> DoneEarlierAsync(ExpectedOutcomeModelReport promoted, FindingSnapshot snapshot, TimeSpan took, CancellationToken ct)
    {
        var sent = jobOptions.Value.AutoCaptureRequests ? await SendCaptureRequestsAsync(snapshot, ct) : 0;
        var standouts = snapshot.Findings.Count(f => f.Class == FindingClass.Standout);
        return new RetrainResult("promoted",
            InsightMessages.Format(InsightMessages.Promoted, promoted.Version, promoted.Trainer, promoted.Auc, standouts, snapshot.Findings.Count),
            snapshot.Rows, promoted.Version, snapshot.Id, promoted.Auc, standouts, took.TotalSeconds, sent);
    }

    private async Task<RetrainResult> RejectedAsync(ModelPromotion rejection, int observations, TimeSpan took, CancellationToken ct) =>
        new("rejected", InsightMessages.Format(InsightMessages.NotPromoted, rejection.Reason),
            observations, await store.CurrentVersionAsync(ct), null, rejection.Candidate.Auc, 0, took.TotalSeconds, 0);

    /// <summary>
    /// The engine reports no progress of its own, so the bar creeps from <paramref name="from"/> towards <paramref name="to"/>
    /// while it works, with the elapsed seconds as <paramref name="step"/>'s {0}.
    /// </summary>
    private static async Task<T> WithProgressAsync<T>(Func<T> work, double from, double to, string step, IJobProgress progress, CancellationToken ct)
    {
        var running = Task.Run(work, ct);
        var watch = Stopwatch.StartNew();
        while (await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1), ct)) != running)
        {
            var seconds = watch.Elapsed.TotalSeconds;
            await progress.ReportAsync(from + ((to - from) * (1 - Math.Exp(-seconds / 30))), InsightMessages.Format(step, seconds), ct);
        }

        return await running;
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        var keep = jobOptions.Value.SnapshotsKept;
        var old = await db.FindingSnapshots.OrderByDescending(s => s.Id).Skip(keep).Select(s => s.Id).ToListAsync(ct);
        if (old.Count > 0)
        {
            await db.PerformerFindings.Where(f => old.Contains(f.SnapshotId)).ExecuteDeleteAsync(ct);
            await db.FindingSnapshots.Where(s => old.Contains(s.Id)).ExecuteDeleteAsync(ct);
        }
    }

    private async Task<int> SendCaptureRequestsAsync(FindingSnapshot snapshot, CancellationToken ct)
    {
        var stages = await db.SalesStages.AsNoTracking().ToDictionaryAsync(s => s.Code, s => (s.Name, s.ProcedureSlug), ct);
        var sent = 0;
        foreach (var finding in snapshot.Findings.Where(f => f.WarrantsCaptureRequest))
        {
            var (name, slug) = stages.GetValueOrDefault(finding.Stage, (finding.Stage, null));
            var evidence = CaptureEvidence.Build(finding, name, snapshot.ModelVersion, slug);
            var result = await captures.SendAsync(finding, evidence, "automatic", ct);
            sent += result.Status == CaptureSendStatus.Sent ? 1 : 0;
        }

        return sent;
    }
}
