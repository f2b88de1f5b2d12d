using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Insights.Metrics;
using KnowledgeKaizen.Web.Hosting;

namespace KnowledgeKaizen.Web.Insights;

public static class InsightsModule
{
    /// <summary>
    /// The process metrics dashboards under /Insights (funnel, reps, service, feedback, definitions), and the
    /// upkeep of their monthly pre-aggregates (after each import, and at start-up when stale).
    /// </summary>
    public static WebApplicationBuilder AddProcessMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProcessMetrics>();
        builder.Services.AddScoped<InsightsRequest>();
        builder.Services.AddScoped<MetricTables>();
        builder.Services.AddScoped<IImportCommitHook, MetricFactsRefresher>();
        builder.Services.AddScoped<IStartupTask, MetricFactsStartup>();
        builder.Services.AddNavItem(new NavItem("Insights", "/Insights/Index", Policies.Reader, 400, "bar-chart-line"));
        return builder;
    }
}
