namespace KnowledgeKaizen.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The job queue (<see cref="IJobQueue"/>), the in-process worker that runs one job at a time, and the daily schedule.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobSignal>();
        services.AddScoped<IJobQueue, InProcessJobQueue>();
        services.AddHostedService<JobWorker>();
        services.AddHostedService<DailyJobScheduler>();
        return services;
    }

    /// <summary>Queues jobs of <paramref name="kind"/> once a day at the time <paramref name="at"/> reads from the settings (null: not at all).</summary>
    public static IServiceCollection AddDailyJob(this IServiceCollection services, string kind, Func<IServiceProvider, TimeOnly?> at)
    {
        services.AddSingleton(new DailyJob(kind, at));
        return services;
    }

    /// <summary>Registers a handler for one job kind.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services)
        where THandler : class, IJobHandler
    {
        services.AddScoped<IJobHandler, THandler>();
        return services;
    }
}
