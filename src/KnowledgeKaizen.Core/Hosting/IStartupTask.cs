namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// Work that must finish before the portal listens (schema, roles, first Admin, shipped content).
/// Slow, rebuildable work (index, model) is queued as a background job instead.
/// </summary>
public interface IStartupTask
{
    /// <summary>Lower runs first. Database schema is 0; data that needs the schema runs after.</summary>
    int Order { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
