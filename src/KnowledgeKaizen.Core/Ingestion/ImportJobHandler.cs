using KnowledgeKaizen.Core.Jobs;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>Runs a queued import in the background; the payload is the import record's id.</summary>
internal sealed class ImportJobHandler(ImportService imports, ImportProgress live) : IJobHandler
{
    public string Kind => ImportService.JobKind;

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var importId = Guid.Parse(job.Payload!);
        live.Report(importId, 0, 0);
        try
        {
            var report = await imports.RunAsync(importId, (fraction, rows) =>
            {
                live.Report(importId, fraction, rows);
                return Task.CompletedTask;
            }, cancellationToken);
            return System.Text.Json.JsonSerializer.Serialize(new { importId, report.Applied, report.Rows, report.TotalProblems });
        }
        finally
        {
            live.Finish(importId);
        }
    }
}
