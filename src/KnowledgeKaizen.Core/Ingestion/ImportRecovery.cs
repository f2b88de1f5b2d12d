namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// At start, the imports a crash or a stop left unfinished that no live process handles (<see cref="ImportLocks"/>):
/// one that had not started or was still reading is marked failed — nothing of it was applied; one being applied is
/// finished from its staged rows — its decision was committed, so its history entry ends as it would have. Its
/// background job then says what the import says. Staged rows and lock files of finished imports, and import files a
/// crash left without a history entry, are removed. In cluster mode an import whose job is unfinished belongs to the
/// cluster, which runs it again when the instance running it died.
/// </summary>
internal sealed class ImportRecovery(KnowledgeKaizenDbContext db, ImportService imports, ImportLocks locks, IFileStore files,
    DataFolder folder, JobsMode mode, TimeProvider clock, ILogger<ImportRecovery> logger) : IStartupTask
{
    public int Order => StartupOrder.ImportRecovery;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var unfinished = await db.Imports
            .Where(r => r.Status == ImportStatus.Queued || r.Status == ImportStatus.Running || r.Status == ImportStatus.Applying)
            .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        foreach (var record in unfinished)
        {
            if (!locks.TryHold(record.Id))
            {
                continue;
            }

            try
            {
                // Read again under the lock: the process that held it may have finished the import meanwhile.
                await db.Entry(record).ReloadAsync(cancellationToken);
                if (!record.IsFinished)
                {
                    await RecoverAsync(record, cancellationToken);
                }
            }
            finally
            {
                locks.Release(record.Id);
            }
        }

        await RemoveLeftoversAsync(cancellationToken);
    }

    private async Task RecoverAsync(ImportRecord record, CancellationToken ct)
    {
        var job = record.JobId is { } jobId ? await db.BackgroundJobs.SingleOrDefaultAsync(j => j.Id == jobId, ct) : null;
        if (mode.Clustered && job is { IsFinished: false })
        {
            // The cluster owns it: another live instance may be running it, or will run it again (ImportService.RunAsync).
            return;
        }

        switch (record.Status)
        {
            case ImportStatus.Queued when job is { Status: JobStatus.Queued }:
                return; // The job worker runs it.
            case ImportStatus.Queued:
                record.Fail(ImportMessages.InterruptedBeforeStart, clock.GetUtcNow());
                break;
            case ImportStatus.Running:
                record.Fail(ImportMessages.InterruptedWhileReading, clock.GetUtcNow());
                break;
            default:
                logger.LogInformation("Finishing import {ImportId} ({Kind}, {File}) from its staged rows: {Applied} rows were applied before the stop",
                    record.Id, record.Kind, record.FileName, record.AppliedRows);
                try
                {
                    await imports.ResumeAsync(record, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The record says where it stopped and why; the portal starts, and the next start tries again.
                    logger.LogError(e, "Import {ImportId} could not be finished now; it stays applying", record.Id);
                    return;
                }

                break;
        }

        await db.SaveChangesAsync(ct);
        File.Delete(imports.StagingPath(record.Id));
        if (job is not null && record.IsFinished)
        {
            var succeeded = record.Status == ImportStatus.Succeeded;
            if (succeeded && job.Status != JobStatus.Succeeded)
            {
                job.Succeed(ImportJobHandler.Result(record), clock.GetUtcNow(), record.Message);
            }
            else if (!succeeded && job.Status != JobStatus.Failed)
            {
                job.Fail(record.Message ?? record.Status.ToString(), clock.GetUtcNow());
            }

            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Staging and lock files of imports that are finished (or unknown) and held by no process, and stored import files
    /// no history entry names (a crash came between storing the file and recording it, or an upload waited for its mapping
    /// when the portal stopped), nor the mapping of one.
    /// </summary>
    private async Task RemoveLeftoversAsync(CancellationToken ct)
    {
        var unfinished = (await db.Imports.Where(r => r.Status == ImportStatus.Queued || r.Status == ImportStatus.Running || r.Status == ImportStatus.Applying)
            .Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        foreach (var path in Directory.Exists(folder.Staging) ? Directory.GetFiles(folder.Staging) : [])
        {
            if (Guid.TryParseExact(Path.GetFileName(path).Split('.')[0], "N", out var id) && !unfinished.Contains(id) && !locks.IsHeld(id))
            {
                File.Delete(path);
            }
        }

        var named = (await db.Imports.Where(r => r.StoredFile != null).Select(r => r.StoredFile!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var stores = await files.ListAsync(ImportService.FilesFolder, ct);
        var present = stores.ToHashSet(StringComparer.Ordinal);

        // A mapping kept beside a recorded import names its companion files.
        var recorded = (await db.Imports.Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        foreach (var id in recorded.Where(id => present.Contains(ImportService.MappingPathOf(id))))
        {
            named.Add(ImportService.MappingPathOf(id));
            foreach (var companion in (await imports.MappingOfAsync(id, ct))?.Companions ?? [])
            {
                named.Add(companion.StoredFile);
            }
        }

        foreach (var stored in stores)
        {
            if (!named.Contains(stored) && !(OwnerOf(stored) is { } id && locks.IsHeld(id)))
            {
                logger.LogInformation("Removing {File}: stored, but a crash came before its import was recorded", stored);
                await files.DeleteAsync(stored, ct);
            }
        }
    }

    // Stored import files are named "{time}-{import id}.{extension}".
    private static Guid? OwnerOf(string stored)
    {
        var name = Path.GetFileNameWithoutExtension(stored);
        var dash = name.LastIndexOf('-');
        return dash >= 0 && Guid.TryParseExact(name[(dash + 1)..], "N", out var id) ? id : null;
    }
}
