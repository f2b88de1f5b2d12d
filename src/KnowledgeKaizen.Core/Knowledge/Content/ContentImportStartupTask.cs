namespace KnowledgeKaizen.Core.Knowledge.Content;

/// <summary>Imports content/ on every start (cheap when nothing changed) and keeps the report for Admins.</summary>
internal sealed class ContentImportStartupTask(ContentImporter importer, ContentImportReportStore reports, IOptions<KaizenOptions> options,
    IHostEnvironment environment) : IStartupTask
{
    public int Order => StartupOrder.ContentLibrary;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var root = options.Value.ContentFolder(environment.ContentRootPath);
        var report = await importer.ImportAsync(root, cancellationToken);
        await reports.SaveAsync(report, cancellationToken);
    }
}
