using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Core.Performance;
using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Insights.Performance;
using KnowledgeKaizen.Insights.PerformanceData;
using KnowledgeKaizen.Web.Hosting;
using KnowledgeKaizen.Web.Ingestion;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeKaizen.Web.Performance;

/// <summary>Authorization policy of the performance API: a signed-in knowledge manager or admin, or an API token.</summary>
public static class PerformancePolicies
{
    public const string PerformanceApi = nameof(PerformanceApi);
}

public static class PerformanceModule
{
    /// <summary>
    /// Performer detection: the retrain job and its triggers (on demand, after imports, on a schedule, on first
    /// start), the versioned model store, the snapshot reader, capture requests and tasks, pages, menu and API policy.
    /// </summary>
    public static WebApplicationBuilder AddPerformerDetection(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddPerformanceCore();
        services.AddMemoryCache();
        services.AddSingleton(_ => ModelOptions(configuration.GetSection("Insights:ExpectedOutcome")));
        services.AddSingleton(_ => configuration.GetSection("Insights:Performance").Get<PerformanceOptions>() ?? new PerformanceOptions());
        services.AddOptions<PerformanceJobOptions>().BindConfiguration("Insights").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ModelStore(Path.Combine(sp.GetRequiredService<DataFolder>().Models, "expected-outcome")));
        services.AddScoped<PerformanceDataSource>();
        services.AddScoped<PerformanceReader>();
        services.AddScoped<RetrainTrigger>();
        services.AddScoped<PerformancePages>();
        services.AddJobHandler<PerformanceRetrainHandler>();
        services.AddScoped<IStartupTask, InitialRetrain>();
        services.AddHostedService<RetrainScheduler>();
        services.AddAuthorizationBuilder().AddPolicy(PerformancePolicies.PerformanceApi, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().RequireRole(Policies.RolesFor[Policies.KnowledgeManager]));
        services.AddNavItem(new NavItem("Performance", "/Insights/Performance/Index", Policies.KnowledgeManager, 420, "trophy"));
        services.AddNavItem(new NavItem("My tasks", "/Tasks/Index", Policies.Reader, 440, "check2-circle"));
        services.AddNavItem(new NavItem("Expected-outcome model", "/Insights/Model", Policies.KnowledgeManager, 930, "cpu", "Admin"));
        return builder;
    }

    /// <summary>
    /// The binder appends a configured list to the default trainers instead of replacing it, so the list is read
    /// on its own: "Insights:ExpectedOutcome:Trainers:0" = "LightGbm" means LightGbm only.
    /// </summary>
    internal static ExpectedOutcomeOptions ModelOptions(IConfigurationSection section)
    {
        var options = section.Get<ExpectedOutcomeOptions>() ?? new ExpectedOutcomeOptions();
        var trainers = section.GetSection("Trainers").Get<ExpectedOutcomeTrainerKind[]>();
        return trainers is { Length: > 0 } ? options with { Trainers = trainers } : options;
    }
}
