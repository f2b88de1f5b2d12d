namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// Work that must finish before the portal listens (schema, roles, first Admin, shipped content).
/// Slow, rebuildable work (index, model) is queued as a background job instead.
/// </summary>
public interface IStartupTask
{
    /// <summary>Lower runs first: one of the <see cref="StartupOrder"/> values, each used once.</summary>
    int Order { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
