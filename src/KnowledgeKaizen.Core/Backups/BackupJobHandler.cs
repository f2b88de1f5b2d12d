namespace KnowledgeKaizen.Core.Backups;

/// <summary>Job kind "backup": takes a backup (on demand from the Admin page, or daily).</summary>
internal sealed class BackupJobHandler(BackupService backups) : IJobHandler
{
    public string Kind => BackupService.JobKind;

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var file = await backups.CreateAsync(job.RequestedBy, progress, cancellationToken);
        await progress.ReportAsync(1, file.Name, cancellationToken);
        return JsonSerializer.Serialize(new { file = file.Name, bytes = file.Bytes });
    }
}
