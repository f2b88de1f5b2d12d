namespace KnowledgeKaizen.Core.Files;

/// <summary>At start, removes the partial files of writes a crash interrupted (uploads, import files, models).</summary>
internal sealed class UnfinishedWritesCleanup(IFileStore files, ILogger<UnfinishedWritesCleanup> logger) : IStartupTask
{
    public int Order => StartupOrder.UnfinishedWrites;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await files.RemoveUnfinishedWritesAsync(cancellationToken) is > 0 and var removed)
        {
            logger.LogInformation("Removed {Count} partial files that interrupted writes left in the data folder", removed);
        }
    }
}
