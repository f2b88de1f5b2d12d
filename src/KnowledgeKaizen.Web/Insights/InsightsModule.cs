using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Insights.Metrics;
using KnowledgeKaizen.Web.Hosting;

namespace KnowledgeKaizen.Web.Insights;

public static class InsightsModule
{
    /// <summary>The process metrics dashboards under /Insights (funnel, reps, service, feedback, definitions).</summary>
    public static WebApplicationBuilder AddProcessMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProcessMetrics>();
        builder.Services.AddScoped<InsightsRequest>();
        builder.Services.AddScoped<MetricTables>();
        builder.Services.AddNavItem(new NavItem("Insights", "/Insights/Index", Policies.Reader, 400, "bar-chart-line"));
        return builder;
    }
}
