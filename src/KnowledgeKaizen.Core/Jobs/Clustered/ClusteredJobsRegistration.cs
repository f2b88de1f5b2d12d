using Npgsql;
using Quartz;

namespace KnowledgeKaizen.Core.Jobs.Clustered;

internal static class ClusteredJobsRegistration
{
    /// <summary>The scheduler's name: every instance of one portal shares it, and with it the rows of the Quartz tables.</summary>
    public const string SchedulerName = "KnowledgeKaizen";

    /// <summary>
    /// Quartz.NET with its clustered ADO.NET store on the portal's PostgreSQL database (tables <c>qrtz_*</c>, created by the
    /// PostgreSQL migration "QuartzSchema" and validated at start): instance ids generated (AUTO), System.Text.Json for job
    /// data, two worker threads of which one may run a portal job (the execution group) so checks are not held up by an
    /// import. Nothing of it is built unless the database is PostgreSQL.
    /// </summary>
    public static IServiceCollection AddClusteredJobs(this IServiceCollection services)
    {
        services.AddSingleton<ClusteredJobs>();
        services.AddScoped<JobSweep>();
        services.AddScoped<PortalJob>();
        services.AddScoped<PeriodicTaskJob>();
        services.AddPeriodicTask(JobSweep.Name, sp => sp.GetRequiredService<IOptions<JobsOptions>>().Value.SweepInterval, runAtStart: true,
            (sp, ct) => sp.GetRequiredService<JobsMode>().Clustered ? sp.GetRequiredService<JobSweep>().SweepAsync(ct) : Task.CompletedTask);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.GenerateInstanceId = true;
                s.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = 2);
            quartz.UseExecutionLimits(limits => limits.ForGroup(ClusteredJobs.Group, 1));
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(source => source.DataSourceFactory = sp =>
                    NpgsqlDataSource.Create(sp.GetRequiredService<DatabaseSettings>().ConnectionString));
                store.UseSerializer<Quartz.Impl.SystemTextJsonObjectSerializer>();
                store.UseClustering(_ => { });
                store.ConfigureStore(o =>
                {
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                    o.RecoverFiringsCancelledByShutdown = true;
                });
            });
        });

        // The intervals come from the portal's settings, read when Quartz's options are (whatever the scheduler's options name).
        services.AddSingleton<IConfigureOptions<Quartz.QuartzSchedulerOptions>, FromJobsOptions<Quartz.QuartzSchedulerOptions>>(sp =>
            new((o, jobs) => o.IdleWaitTime = jobs.IdleWaitTime, sp.GetRequiredService<IOptions<JobsOptions>>()));
        services.AddSingleton<IConfigureOptions<ClusteringOptions>, FromJobsOptions<ClusteringOptions>>(sp =>
            new((o, jobs) => (o.CheckinInterval, o.CheckinMisfireThreshold) = (jobs.CheckinInterval, jobs.CheckinMisfireThreshold),
                sp.GetRequiredService<IOptions<JobsOptions>>()));
        services.AddSingleton<IConfigureOptions<AdoJobStoreOptions>, FromJobsOptions<AdoJobStoreOptions>>(sp =>
            new((o, jobs) => o.MisfireThreshold = jobs.MisfireThreshold, sp.GetRequiredService<IOptions<JobsOptions>>()));
        services.AddHostedService<ClusteredJobsHost>();
        return services;
    }

    /// <summary>Applies <see cref="JobsOptions"/> to one of Quartz's options types, named or not.</summary>
    private sealed class FromJobsOptions<TOptions>(Action<TOptions, JobsOptions> apply, IOptions<JobsOptions> jobs) : IConfigureNamedOptions<TOptions>
        where TOptions : class
    {
        public void Configure(TOptions options) => apply(options, jobs.Value);

        public void Configure(string? name, TOptions options) => apply(options, jobs.Value);
    }
}
