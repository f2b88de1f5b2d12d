using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Insights.Improvement;
using KnowledgeKaizen.Web.Hosting;

namespace KnowledgeKaizen.Web.Improvement;

public static class ImprovementModule
{
    /// <summary>
    /// The improvement mechanism: the PDCA/SDCA board, problem collection (complaint clustering job),
    /// evaluation, recognition and "I applied this" on playbooks.
    /// </summary>
    public static WebApplicationBuilder AddImprovement(this WebApplicationBuilder builder)
    {
        builder.Services.AddImprovementCore();
        builder.Services.AddSingleton(MetricCatalogue.Default);
        builder.Services.AddScoped<CycleMetrics>();
        builder.Services.AddScoped<ICycleMeasurement>(sp => sp.GetRequiredService<CycleMetrics>());
        builder.Services.AddScoped<CycleChecker>();
        builder.Services.AddJobHandler<FeedbackClusteringJob>();
        builder.Services.AddScoped<ImprovementDesk>();
        builder.Services.AddNavItem(new NavItem("Improvement", "/Improvement/Index", Policies.KnowledgeManager, 500, "arrow-repeat"));
        builder.Services.AddNavItem(new NavItem("Recognition", "/Recognition/Index", Policies.Reader, 510, "award"));
        return builder;
    }
}
