using System.Diagnostics;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>The applying phase: staged rows upserted in batches that take their turns, and what follows an applied import.</summary>
public sealed partial class ImportPipeline
{
    /// <summary>
    /// Applies the staged rows after <paramref name="from"/> in batches, each in a transaction of its own in which
    /// <paramref name="committing"/> runs too (with whether it is the last batch) — so what it saves through the context
    /// commits with exactly those rows. At least one batch runs, so a resumed apply with nothing left still commits its end.
    /// </summary>
    internal async Task ApplyAsync(StagedImport staged, long from, Func<AppliedBatch, bool, Task> committing,
        Func<ImportPhase, double, long, Task>? progress, CancellationToken ct)
    {
        using var tuning = staged.Staging.Tune();
        try
        {
            await ApplyBatchesAsync(staged, from, committing, progress, ct);
        }
        catch when (staged.Staging.VersionChangePending)
        {
            // The rows of committed batches are kept: the dashboards must not go on showing the figures from before them.
            await ChangeVersionAsync(staged);
            throw;
        }
    }

    /// <summary>
    /// The data-version change an apply that stopped early still owes, in a transaction of its own. Best effort: when the
    /// database fails this too, the apply's own failure is what the caller must see (a cancellation stays one).
    /// </summary>
    private async Task ChangeVersionAsync(StagedImport staged)
    {
        try
        {
            using var turn = turns is not null ? await turns.TakeAsync(CancellationToken.None) : null;
            using var transaction = staged.Staging.BeginApply();
            staged.Staging.ChangeVersion(transaction);
            transaction.Commit();
        }
        catch (DbException)
        {
            // Left to the next write of those tables, which changes the version anyway.
        }
    }

    private async Task ApplyBatchesAsync(StagedImport staged, long from, Func<AppliedBatch, bool, Task> committing,
        Func<ImportPhase, double, long, Task>? progress, CancellationToken ct)
    {
        var batches = staged.Staging.AppliesInBatches;
        var size = FirstBatchRows;
        var first = true;
        do
        {
            ct.ThrowIfCancellationRequested();
            var to = batches ? Math.Min(staged.Count, from + size) : staged.Count;
            var elapsed = await ApplyBatchAsync(staged, from, to, committing, holdBeforeCommit: first && !batches, ct);
            await staged.Staging.AfterBatchAsync(ct);
            from = to;
            size = NextBatchRows(size, elapsed, othersWait: turns?.Waiting > 0);
            if (progress is not null)
            {
                await progress(ImportPhase.Applying, staged.Count == 0 ? 1 : (double)from / staged.Count, from);
            }

            if (first && batches && hold is not null)
            {
                await hold.AtAsync(ImportPhase.Applying, ct);
            }

            first = false;
        }
        while (from < staged.Count);
    }

    /// <summary>
    /// The rows of the next apply batch: doubled when the last one took under half the target, halved when it took over
    /// twice; the target is shorter while <paramref name="othersWait"/> for the write lock.
    /// </summary>
    internal static int NextBatchRows(int size, TimeSpan elapsed, bool othersWait)
    {
        var target = othersWait ? BatchTargetWhileOthersWait : BatchTarget;
        return elapsed < target / 2 ? Math.Min(MaxBatchRows, size * 2)
            : elapsed > target * 2 ? Math.Max(MinBatchRows, size / 2)
            : size;
    }

    /// <summary>Runs the work that follows an applied import (e.g. the dashboards' refresh), each in short transactions of its own.</summary>
    internal async Task AfterApplyAsync(CancellationToken ct)
    {
        foreach (var hook in hooks ?? [])
        {
            await hook.AfterApplyAsync(db, ct);
        }
    }

    /// <summary>
    /// Applies one batch in a transaction of its own. With <paramref name="holdBeforeCommit"/>, a crash test's hold at
    /// <see cref="ImportPhase.Applying"/> comes inside it, its rows written and not yet committed: where the apply is one
    /// transaction, that is the moment a kill must leave nothing of it. (Applied in batches, the hold comes after the first
    /// batch commits, with the rest still to apply.)
    /// </summary>
    private async Task<TimeSpan> ApplyBatchAsync(StagedImport staged, long from, long to, Func<AppliedBatch, bool, Task> committing,
        bool holdBeforeCommit, CancellationToken ct)
    {
        using var turn = staged.Staging.AppliesInBatches && turns is not null ? await turns.TakeAsync(ct, bulkWork: true) : null;
        using var transaction = staged.Staging.BeginApply();
        var watch = Stopwatch.StartNew();
        await db.Database.UseTransactionAsync(transaction);
        try
        {
            var (inserted, changed) = staged.Staging.Compare(transaction, from, to);
            staged.Staging.Apply(transaction, from, to, Clock.GetUtcNow(), last: to == staged.Count);
            await committing(new AppliedBatch(inserted, changed - inserted, to - from - changed), to == staged.Count);
            if (holdBeforeCommit && hold is not null)
            {
                await hold.AtAsync(ImportPhase.Applying, ct);
            }

            transaction.Commit();
        }
        finally
        {
            await db.Database.UseTransactionAsync(null);
        }

        return watch.Elapsed;
    }
}
