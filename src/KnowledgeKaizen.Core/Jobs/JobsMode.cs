namespace KnowledgeKaizen.Core.Jobs;

/// <summary>
/// Who runs jobs: on SQLite (one instance) the in-process worker and timers; on PostgreSQL (one or several instances) a
/// Quartz.NET cluster over the same database, so each job and each scheduled check runs once whichever instance queued it.
/// </summary>
public sealed record JobsMode(bool Clustered)
{
    internal static JobsMode From(IServiceProvider services) =>
        new(services.GetService<DatabaseSettings>()?.Provider == DatabaseProvider.PostgreSql);
}
