using KnowledgeKaizen.Core.Files;
using KnowledgeKaizen.Insights.PerformerDetection.Retraining;
using Microsoft.Extensions.Configuration;

namespace KnowledgeKaizen.Insights.PerformerDetection;

public static class PerformerDetectionServiceCollectionExtensions
{
    public const string ExpectedOutcomeSection = "Insights:ExpectedOutcome";
    public const string EvidenceSection = "Insights:Evidence";
    private const string FormerEvidenceSection = "Insights:Performance";
    public const string RetrainSection = "Insights";

    /// <summary>
    /// Performer detection: the settings (bound and checked on start), the versioned model store in the file store (and its
    /// check for a model another instance promoted),
    /// the findings reader, and the retraining job with its triggers (on demand, after imports, on a schedule, on
    /// first start).
    /// </summary>
    public static IServiceCollection AddPerformerDetection(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddOptions<ExpectedOutcomeOptions>().BindConfiguration(ExpectedOutcomeSection)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // The binder appends a configured list to the default trainers instead of replacing it, so the list is
                // read on its own: "Insights:ExpectedOutcome:Trainers:0" = "LightGbm" means LightGbm only.
                var trainers = configuration.GetSection(ExpectedOutcomeSection + ":Trainers").Get<ExpectedOutcomeTrainerKind[]>();
                if (trainers is { Length: > 0 })
                {
                    options.Trainers = trainers;
                }
            })
            .Validate(o => o.Trainers.Count > 0 && o.FoldCount >= 2 && o.NumberOfTrees > 0 && o.MinTrainingRows > 0,
                $"{ExpectedOutcomeSection}: at least one trainer, two folds, one tree and one training row are needed.")
            .Validate(o => o.ServingCheckInterval > TimeSpan.Zero && o.ServingCheckInterval <= TimeSpan.FromHours(1),
                $"{ExpectedOutcomeSection}:ServingCheckInterval must be more than zero and at most 01:00:00.")
            .ValidateOnStart();
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceSection)
            .Validate(o => o.MinEntries > 0 && o.MinPairsPerStage > 0 && o.PosteriorThreshold is > 0 and < 1 && o.TargetFdr is > 0 and < 1,
                $"{EvidenceSection}: MinEntries and MinPairsPerStage must be positive, PosteriorThreshold and TargetFdr between 0 and 1.")
            // The section was called "Insights:Performance"; settings left there would otherwise be ignored silently.
            .Validate<IConfiguration>((_, configuration) => !configuration.GetSection(FormerEvidenceSection).Exists(),
                $"{FormerEvidenceSection} was renamed to {EvidenceSection}: move its settings there.")
            .ValidateOnStart();
        services.AddOptions<RetrainOptions>().BindConfiguration(RetrainSection).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ExpectedOutcomeOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EvidenceOptions>>().Value);
        services.AddSingleton(sp => new ModelStore(sp.GetRequiredService<IFileStore>(), ModelStore.DefaultFolder,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ExpectedOutcomeOptions>().ServingCheckInterval));
        services.AddHostedService<ModelRefresher>();
        services.AddScoped<StageOutcomeSource>();
        services.AddScoped<FindingReader>();
        services.AddScoped<RetrainTrigger>();
        services.AddJobHandler<RetrainJobHandler>();
        services.AddScoped<IStartupTask, InitialRetrain>();
        services.AddScoped<RetrainScheduler>();
        services.AddPeriodicTask(RetrainScheduler.Name, sp => sp.GetRequiredService<IOptions<RetrainOptions>>().Value.SchedulerPollInterval, runAtStart: false,
            (sp, ct) => sp.GetRequiredService<RetrainScheduler>().CheckAsync(ct));
        return services;
    }
}
