using System.Diagnostics;
using System.Text.Json;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Core.Performance;
using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Insights.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Insights.PerformanceData;

/// <summary>What a retraining did, stored as the job's result.</summary>
/// <param name="Outcome">"promoted", "rejected" (worse than the serving model) or "not-enough-data".</param>
/// <param name="Message">What happened, for the job log and the model page.</param>
/// <param name="Rows">Closed stage entries trained on.</param>
/// <param name="ModelVersion">Version serving afterwards.</param>
/// <param name="SnapshotId">The new snapshot, when one was written.</param>
/// <param name="Auc">Out-of-fold AUC of the new model.</param>
/// <param name="Standouts">Standout pairs in the new snapshot.</param>
/// <param name="Seconds">Wall time of the job.</param>
/// <param name="CaptureRequestsSent">Automatic capture requests sent.</param>
public sealed record RetrainResult(string Outcome, string Message, int Rows, int? ModelVersion, long? SnapshotId, double? Auc,
    int Standouts, double Seconds, int CaptureRequestsSent);

/// <summary>
/// Job kind "performance-retrain": loads the closed stage entries, trains and analyses them (engine), stores the model
/// with <see cref="ModelStore.SaveAndPromote"/> and the findings as a new <see cref="PerformanceSnapshot"/>. The
/// previous model and snapshot keep serving throughout; a worse model is not promoted and leaves the snapshot alone.
/// </summary>
public sealed class PerformanceRetrainHandler(
    KnowledgeKaizenDbContext db,
    PerformanceDataSource source,
    ModelStore store,
    ExpectedOutcomeOptions modelOptions,
    PerformanceOptions evidenceOptions,
    IOptions<PerformanceJobOptions> jobOptions,
    CaptureRequestService captures,
    TimeProvider clock) : IJobHandler
{
    public const string JobKind = "performance-retrain";

    public string Kind => JobKind;

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var result = await RetrainAsync(progress, cancellationToken);
        await progress.ReportAsync(1, result.Message, cancellationToken);
        return JsonSerializer.Serialize(result, PerformanceJson.Options);
    }

    public async Task<RetrainResult> RetrainAsync(IJobProgress progress, CancellationToken ct)
    {
        var clockWatch = Stopwatch.StartNew();
        await progress.ReportAsync(0.02, "Loading stage history", ct);
        var observations = await source.LoadAsync(null, null, ct);
        var options = SnapshotBuilder.OptionsJson(modelOptions, evidenceOptions);
        await progress.ReportAsync(0.1, $"Training on {observations.Count:N0} closed stage entries", ct);

        var engine = new RepPerformanceEngine(modelOptions, evidenceOptions);
        var outcome = await WithProgressAsync(() => engine.Run(observations, ct), 0.1, 0.7, "Training and cross-validating", progress, ct);
        if (outcome.Value is null)
        {
            var reason = outcome.NotEnoughData!.Reason;
            var keepsServing = await db.PerformanceSnapshots.AnyAsync(s => s.Status == SnapshotStatus.Ready, ct);
            if (!keepsServing)
            {
                db.PerformanceSnapshots.Add(PerformanceSnapshot.NotEnoughData(clock.GetUtcNow(), observations.Count, options, reason));
                await db.SaveChangesAsync(ct);
            }

            var message = keepsServing ? $"Not enough data ({reason}); the previous findings keep serving." : $"Not enough data: {reason}";
            return new RetrainResult("not-enough-data", message, observations.Count, null, null, null, 0, clockWatch.Elapsed.TotalSeconds, 0);
        }

        // Computed here, once per retraining, and stored with the model: the pages only read it.
        var validator = new FindingsValidator(modelOptions, evidenceOptions);
        var validation = await WithProgressAsync(() => validator.Validate(observations, outcome.Value, ct), 0.7, 0.87,
            "Checking the findings (data without rep effects, earlier against later half)", progress, ct);
        var model = outcome.Value.Training.Model;
        model.Report = model.Report with { Validation = validation };

        await progress.ReportAsync(0.88, "Saving the model", ct);
        var promotion = store.SaveAndPromote(outcome.Value.Training.Model, jobOptions.Value.PromotionAucMargin);
        if (!promotion.Promoted)
        {
            return new RetrainResult("rejected", $"The new model was not promoted ({promotion.Reason}); the previous one keeps serving.",
                observations.Count, store.CurrentVersion, null, promotion.Candidate.Auc, 0, clockWatch.Elapsed.TotalSeconds, 0);
        }

        await progress.ReportAsync(0.93, "Saving the findings", ct);
        var snapshot = SnapshotBuilder.Build(outcome.Value, promotion.Version!.Value, observations.Count, options, await source.RepsAsync(ct), clock.GetUtcNow());
        db.PerformanceSnapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);
        await PruneAsync(ct);
        var sent = jobOptions.Value.AutoCaptureRequests ? await SendCaptureRequestsAsync(snapshot, ct) : 0;
        var standouts = snapshot.Findings.Count(f => f.Class == FindingClass.Standout);
        return new RetrainResult("promoted",
            $"Model v{promotion.Version} ({promotion.Candidate.Trainer}, AUC {promotion.Candidate.Auc:0.000}) serves; {standouts} standouts among {snapshot.Findings.Count} rep × stage pairs.",
            observations.Count, promotion.Version, snapshot.Id, promotion.Candidate.Auc, standouts, clockWatch.Elapsed.TotalSeconds, sent);
    }

    /// <summary>The engine reports no progress of its own, so the bar creeps from <paramref name="from"/> towards <paramref name="to"/> while it works, with the elapsed time.</summary>
    private static async Task<T> WithProgressAsync<T>(Func<T> work, double from, double to, string what, IJobProgress progress, CancellationToken ct)
    {
        var running = Task.Run(work, ct);
        var watch = Stopwatch.StartNew();
        while (await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1), ct)) != running)
        {
            var seconds = watch.Elapsed.TotalSeconds;
            await progress.ReportAsync(from + ((to - from) * (1 - Math.Exp(-seconds / 30))), $"{what} ({seconds:0} s)", ct);
        }

        return await running;
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        var keep = jobOptions.Value.SnapshotsKept;
        var old = await db.PerformanceSnapshots.OrderByDescending(s => s.Id).Skip(keep).Select(s => s.Id).ToListAsync(ct);
        if (old.Count > 0)
        {
            await db.PerformanceFindings.Where(f => old.Contains(f.SnapshotId)).ExecuteDeleteAsync(ct);
            await db.PerformanceSnapshots.Where(s => old.Contains(s.Id)).ExecuteDeleteAsync(ct);
        }
    }

    private async Task<int> SendCaptureRequestsAsync(PerformanceSnapshot snapshot, CancellationToken ct)
    {
        var stages = await db.SalesStages.AsNoTracking().ToDictionaryAsync(s => s.Code, s => (s.Name, s.ProcedureSlug), ct);
        var sent = 0;
        foreach (var finding in snapshot.Findings.Where(f => f.WarrantsCaptureRequest))
        {
            var (name, slug) = stages.GetValueOrDefault(finding.Stage, (finding.Stage, null));
            var evidence = CaptureEvidence.Build(finding, name, snapshot.ModelVersion, slug);
            var result = await captures.SendAsync(finding, evidence, "automatic", $"Capture request: your method at {name}", ct);
            sent += result.Status == CaptureSendStatus.Sent ? 1 : 0;
        }

        return sent;
    }
}
