namespace KnowledgeKaizen.Core.Hosting;

public static class StartupTasks
{
    /// <summary>
    /// Runs the registered start-up tasks in <see cref="IStartupTask.Order"/>, each in a scope of its own so each sees the
    /// database as the previous ones left it; only those ordered before <paramref name="before"/> when it is given. All of
    /// them run under the <see cref="IStartupLock"/>, so two processes starting at once do the work once.
    /// </summary>
    public static async Task RunAsync(IServiceProvider services, int? before = null, CancellationToken ct = default)
    {
        await using var held = services.GetService<IStartupLock>() is { } startupLock ? await startupLock.AcquireAsync(ct) : null;
        using var probe = services.CreateScope();
        var order = probe.ServiceProvider.GetServices<IStartupTask>().Select((t, i) => (t.Order, Index: i))
            .Where(t => before is null || t.Order < before).OrderBy(t => t.Order).Select(t => t.Index).ToList();
        foreach (var index in order)
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetServices<IStartupTask>().ElementAt(index).RunAsync(ct);
        }
    }
}
