namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// Held while the start-up tasks run, so that processes starting at the same time against one database run them one
/// after the other: the first applies migrations, roles, the first Admin, content and demo data; the next finds them done.
/// </summary>
public interface IStartupLock
{
    /// <summary>Waits for the lock; disposing the result releases it.</summary>
    Task<IAsyncDisposable> AcquireAsync(CancellationToken ct);
}
