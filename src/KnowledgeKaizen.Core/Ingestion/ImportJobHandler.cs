using KnowledgeKaizen.Core.Jobs;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>Runs a queued import in the background; the payload is the import record's id.</summary>
internal sealed class ImportJobHandler(ImportService imports, ImportProgress live) : IJobHandler
{
    public string Kind => ImportService.JobKind;

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var importId = Guid.Parse(job.Payload!);
        live.Report(importId, ImportPhase.Received, 0, 0);
        try
        {
            var report = await imports.RunAsync(importId, (phase, fraction, rows) =>
            {
                live.Report(importId, phase, fraction, rows);
                return Task.CompletedTask;
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
