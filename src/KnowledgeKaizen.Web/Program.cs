using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Web.Courses;
using KnowledgeKaizen.Web.Hosting;
using KnowledgeKaizen.Web.Identity;
using KnowledgeKaizen.Web.Improvement;
using KnowledgeKaizen.Web.Ingestion;
using KnowledgeKaizen.Web.Insights;
using KnowledgeKaizen.Web.Knowledge;
using KnowledgeKaizen.Web.Localization;
using KnowledgeKaizen.Web.Performance;
using KnowledgeKaizen.Web.Search;

if (ImportCommand.IsImport(args))
{
    return await ImportCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddKaizenData();
builder.AddPortalIdentity();
builder.AddPortalLocalization();
builder.AddPortalWeb();
builder.AddIngestion();
builder.AddKnowledge();
builder.AddProcessMetrics();
builder.AddPortalSearch();
builder.AddImprovement();
builder.AddPerformerDetection();
builder.AddCourses();

var app = builder.Build();
if (app.FindSettingProblem() is { } problem)
{
    await Console.Error.WriteLineAsync($"Start-up failed: {problem}");
    return 1;
}

app.UsePortalWeb();
app.MapPortalEndpoints();
app.MapIngestionApi();
app.MapKnowledgeApi();
app.MapSearchApi();
app.MapPerformanceApi();

return await app.RunPortalAsync();

/// <summary>Entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in tests.</summary>
public partial class Program;
