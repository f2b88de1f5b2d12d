using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Browser.Tests.Sweep;

/// <summary>
/// A signed-in user per role and a real record for every page that takes an id, so a page is read with content, not as
/// its "not found": a playbook in each language, its procedure, a cycle, a course with a module, a rep, an import, a
/// case, and a capture request (with its task) for each user.
/// </summary>
public sealed class ScanSamples
{
    private readonly Dictionary<string, (string Email, string UserId, long CaptureRequest)> users = [];
    private readonly Dictionary<bool, int> playbooks = [];
    private int procedure;
    private int cycle;
    private int course;
    private int module;
    private long rep;
    private string import = string.Empty;
    private string caseKey = string.Empty;

    public string EmailOf(string role) => users[role].Email;

    /// <summary>The URL to open for a page's route pattern; a new page with parameters needs an entry here.</summary>
    public string UrlFor(string pattern, string role, bool chinese) => pattern switch
    {
        "/Knowledge/Details/{id:int}" => $"/Knowledge/Details/{playbooks[chinese]}",
        "/Knowledge/Edit/{id:int?}" => $"/Knowledge/Edit/{playbooks[chinese]}",
        "/Knowledge/History/{id:int}" => $"/Knowledge/History/{playbooks[chinese]}",
        "/Knowledge/Standardise/{id:int}" => $"/Knowledge/Standardise/{playbooks[chinese]}",
        "/Knowledge/Diff/{id:int}" => $"/Knowledge/Diff/{procedure}?from=1&to=1",
        "/Courses/Edit/{id:int}" or "/Courses/Learn/{id:int}" or "/Courses/Handout/{id:int}" or "/Courses/Progress/{id:int}" => pattern.Replace("{id:int}", course.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
        "/Courses/Pin/{id:int}/{moduleId:int}" => $"/Courses/Pin/{course}/{module}",
        "/Admin/Users/Edit/{id}" => $"/Admin/Users/Edit/{users[Roles.Staff].UserId}",
        "/Imports/Details/{id}" => $"/Imports/Details/{import}",
        "/Imports/Progress/{id}" => $"/Imports/Progress/{import}",
        "/Improvement/Details/{id:int}" => $"/Improvement/Details/{cycle}",
        "/Insights/Reps/{id:long}" => $"/Insights/Reps/{rep}",
        "/Insights/Performance/{repId:long}/{stage}" => $"/Insights/Performance/{rep}/propose",
        "/Search/Record/{type}/{key}" => $"/Search/Record/case/{caseKey}",
        "/Tasks/Capture/{id:long}" => $"/Tasks/Capture/{users[role].CaptureRequest}",
        "/Status/{code:int}" => "/Status/404",
        _ when pattern.Contains('{', StringComparison.Ordinal) => throw new InvalidOperationException($"No sample record for {pattern}: add one."),
        _ => pattern,
    };

    public static async Task<ScanSamples> CreateAsync(PortalFactory server)
    {
        var samples = new ScanSamples();
        using var scope = server.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<Core.Data.KnowledgeKaizenDbContext>();
        var salesRep = await db.Reps.AsNoTracking().Where(r => r.Role == RepRole.Sales).OrderBy(r => r.ExternalId).FirstAsync();
        foreach (var role in Roles.All)
        {
            var email = $"{role.ToLowerInvariant()}@scan.test";
            var userId = await server.EnsureUserAsync(email, role);
            var request = new CaptureRequest(0, salesRep.Id, salesRep.Name, "propose", userId, "automatic",
                "### Performance evidence\n\n- Entries decided: **40**; advanced **31** against **24.0** expected.\n", DemoDataPortalFactory.SeedToday);
            db.CaptureRequests.Add(request);
            await db.SaveChangesAsync();
            db.UserTasks.Add(new UserTask(userId, CaptureRequestService.TaskKind, "Capture request: your method at Proposal", $"/Tasks/Capture/{request.Id}", DemoDataPortalFactory.SeedToday));
            await db.SaveChangesAsync();
            samples.users[role] = (email, userId, request.Id);
        }

        foreach (var chinese in new[] { false, true })
        {
            samples.playbooks[chinese] = await db.KnowledgeDocuments.Where(d => d.Slug == "two-visit-discovery" && d.Language == (chinese ? "zh" : "en"))
                .Select(d => d.Id).SingleAsync();
        }

        samples.procedure = await db.KnowledgeDocuments.Where(d => d.Slug == "discovery-visit" && d.Language == "en").Select(d => d.Id).SingleAsync();
        samples.rep = salesRep.Id;
        samples.import = (await db.Imports.AsNoTracking().OrderBy(i => i.CreatedAt).FirstAsync()).Id.ToString();
        samples.caseKey = await db.ServiceCases.OrderBy(c => c.Id).Select(c => c.ExternalId).FirstAsync();

        var manager = samples.users[Roles.KnowledgeManager];
        var today = DemoDataPortalFactory.SeedToday.UtcDateTime.Date;
        var plan = new CyclePlan(CycleType.Pdca, "Faster discovery", "Discovery takes too long.", null, manager.UserId, "knowledgemanager",
            new CycleRoles("knowledgemanager", "knowledgemanager", "knowledgemanager"), new TargetMetric("stage-conversion", "discover", null), 75,
            today.AddDays(-120), today.AddDays(-30), today.AddDays(-30), today.AddDays(60));
        samples.cycle = (await services.GetRequiredService<ImprovementService>().PlanAsync(plan)).Id;

        var courses = services.GetRequiredService<CourseService>();
        var created = await courses.CreateAsync("Discovery basics", "Run a discovery visit.", Roles.Staff, "discover", samples.users[Roles.Trainer].UserId);
        await courses.AddModuleAsync(created.Id, samples.procedure, null, "Read it before your next visit.");
        samples.course = created.Id;
        samples.module = (await courses.ContentAsync(created.Id))!.Modules[0].Module.Id;
        return samples;
    }
}
