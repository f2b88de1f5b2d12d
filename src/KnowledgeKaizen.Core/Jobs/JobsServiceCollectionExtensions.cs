using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The job queue (<see cref="IJobQueue"/>) and the in-process worker that runs one job at a time.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobSignal>();
        services.AddScoped<IJobQueue, InProcessJobQueue>();
        services.AddHostedService<JobWorker>();
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
