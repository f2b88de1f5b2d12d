namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>Runs a queued import in the background; the payload is the import record's id.</summary>
/// <remarks>
/// In cluster mode the progress also goes to the job row (its message is the phase's name), for an instance that did not
/// run it; on SQLite only to <see cref="ImportProgress"/>, as a row write would wait for the import's write turns.
/// </remarks>
internal sealed class ImportJobHandler(ImportService imports, ImportProgress live, JobsMode mode) : IJobHandler
{
    public string Kind => ImportService.JobKind;

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var importId = Guid.Parse(job.Payload!);
        var dryRun = (await imports.FindAsync(importId, cancellationToken))?.DryRun ?? false;
        live.Report(importId, ImportPhase.Received, 0, 0);
        try
        {
            var report = await imports.RunAsync(importId, async (phase, fraction, rows) =>
            {
                live.Report(importId, phase, fraction, rows);
                if (mode.Clustered)
                {
                    await progress.ReportAsync(live.Find(importId)!.Overall(dryRun), phase.ToString(), cancellationToken);
                }
            }, cancellationToken);
            return Result(importId, report.Applied, report.Rows, report.TotalProblems);
        }
        finally
        {
            live.Finish(importId);
        }
    }

    /// <summary>The job's result for a finished import (also what recovery writes for a job a crash interrupted).</summary>
    internal static string Result(ImportRecord record) =>
        Result(record.Id, record.Status == ImportStatus.Succeeded, record.Rows, record.TotalProblems);

    private static string Result(Guid importId, bool applied, long rows, long totalProblems) =>
        JsonSerializer.Serialize(new { importId, Applied = applied, Rows = rows, TotalProblems = totalProblems });
}
