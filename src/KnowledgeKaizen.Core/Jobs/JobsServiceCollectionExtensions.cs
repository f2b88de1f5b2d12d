using KnowledgeKaizen.Core.Jobs.Clustered;

namespace KnowledgeKaizen.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The job queue (<see cref="IJobQueue"/>) and whoever runs jobs and periodic checks: on SQLite the in-process worker
    /// (one job at a time) and timers; on PostgreSQL the Quartz cluster (<see cref="JobsOptions"/>), so several instances
    /// run each job and each check once. The daily schedule is one such check.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(JobsMode.From);
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobExecution>();
        services.AddScoped<InProcessJobQueue>();
        services.AddScoped<ClusteredJobQueue>();
        services.AddScoped<IJobQueue>(sp => sp.GetRequiredService<JobsMode>().Clustered
            ? sp.GetRequiredService<ClusteredJobQueue>()
            : sp.GetRequiredService<InProcessJobQueue>());
        services.AddHostedService<JobWorker>();
        services.AddHostedService<PeriodicTaskRunner>();
        services.AddSingleton<DailyJobScheduler>();
        services.AddPeriodicTask(DailyJobScheduler.Name, _ => DailyJobScheduler.CheckEvery, runAtStart: true,
            (sp, ct) => sp.GetRequiredService<DailyJobScheduler>().CheckAsync(sp, ct));
        services.AddClusteredJobs();
        return services;
    }

    /// <summary>Queues jobs of <paramref name="kind"/> once a day at the time <paramref name="at"/> reads from the settings (null: not at all).</summary>
    public static IServiceCollection AddDailyJob(this IServiceCollection services, string kind, Func<IServiceProvider, TimeOnly?> at)
    {
        services.AddSingleton(new DailyJob(kind, at));
        return services;
    }

    /// <summary>Runs <paramref name="run"/> every <paramref name="interval"/>: in this process, or once in the cluster (<see cref="PeriodicTask"/>).</summary>
    public static IServiceCollection AddPeriodicTask(this IServiceCollection services, string name, Func<IServiceProvider, TimeSpan> interval, bool runAtStart,
        Func<IServiceProvider, CancellationToken, Task> run)
    {
        services.AddSingleton(new PeriodicTask(name, interval, runAtStart, run));
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
