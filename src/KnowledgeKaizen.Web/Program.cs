using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Core.Notifications;
using KnowledgeKaizen.Core.Overview;
using KnowledgeKaizen.Core.Analytics;
using KnowledgeKaizen.Core.Backups;
using KnowledgeKaizen.Insights.Improvement;
using KnowledgeKaizen.Search.Indexing;
using KnowledgeKaizen.Web.Backups;
using KnowledgeKaizen.Web.Courses;
using KnowledgeKaizen.Web.Identity;
using KnowledgeKaizen.Web.Improvement;
using KnowledgeKaizen.Web.Ingestion;
using KnowledgeKaizen.Web.Insights;
using KnowledgeKaizen.Web.Notifications;
using KnowledgeKaizen.Web.PerformerDetection;
using KnowledgeKaizen.Web.Pages.Search;

if (ImportCommand.IsImport(args))
{
    return await ImportCommand.RunAsync(args);
}

if (MigrateDataCommand.IsMigrateData(args))
{
    return await MigrateDataCommand.RunAsync(args);
}

if (RestoreCommand.IsRestore(args))
{
    return await RestoreCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

// The back end: each module registers itself from the project that owns it.
builder.Services
    .AddPlatform()
    .AddDatabase()
    .AddJobs()
    .AddUserAccounts()
    .AddApiTokens()
    .AddKnowledge()
    .AddIngestion()
    .AddSearchIndexing()
    .AddSearchAnalytics()
    .AddProcessMetrics()
    .AddImprovement()
    .AddImprovementMeasurement()
    .AddCaptureRequests()
    .AddPerformerDetection()
    .AddCourses()
    .AddBackups()
    .AddAuditLog()
    .AddNotifications()
    .AddWorkOverview();

// The portal: pages, page facades, menu entries and authorization policies.
builder.Services
    .AddPortalHosting()
    .AddApiDocumentation()
    .AddPortalIdentity()
    .AddPortalLocalization()
    .AddPortalKnowledge()
    .AddPortalIngestion()
    .AddPortalSearch()
    .AddPortalInsights()
    .AddPortalImprovement()
    .AddPortalPerformerDetection()
    .AddPortalCourses()
    .AddPortalNotifications()
    .AddPortalBackups();

var app = builder.Build();
if (await app.FindSettingProblemAsync() is { } problem)
{
    await Console.Error.WriteLineAsync($"Start-up failed: {problem}");
    return 1;
}

app.UsePortal();
app.MapPortalPages();
// Every write of the API, present and future, needs the antiforgery token when it comes with the sign-in cookie.
var api = app.MapGroup("/api/v1").RequireAntiforgeryForCookies();
api.MapImportApi();
api.MapMappingApi();
api.MapFrontlineApi();
api.MapKnowledgeApi();
api.MapSearchApi();
api.MapPerformerDetectionApi();
app.MapApiDocumentation();

return await app.RunPortalAsync();

/// <summary>Entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in tests.</summary>
public partial class Program;
