using System.Globalization;
using KnowledgeKaizen.Browser.Tests.Infrastructure;
using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Core.Knowledge;
using KnowledgeKaizen.Testing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KnowledgeKaizen.Browser.Tests.Layout;

/// <summary>
/// The portal with one user per role and a record behind each detail page (a playbook with history, a course, a cycle,
/// an import, the sales reps of the demo data), one signed-in browser context per role and language, and the URL of
/// every page each role may open.
/// </summary>
public sealed class LayoutFixture : BrowserFixture<PortalFactory>
{
    public static readonly string[] Locales = ["en-US", "zh-CN"];

    private readonly Dictionary<(string Role, string Locale), IBrowserContext> contexts = [];

    /// <summary>Real values for route parameters, by page path and parameter name.</summary>
    private readonly Dictionary<(string Page, string Parameter), string> values = [];

    private Task<PageViews>? pageViews;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var role in Roles.All)
        {
            await Server.EnsureUserAsync(Email(role), role);
        }

        await SeedAsync();
        foreach (var role in Roles.All)
        {
            foreach (var locale in Locales)
            {
                contexts[(role, locale)] = await SignedInContextAsync(role, locale);
            }
        }
    }

    public IBrowserContext Context(string role, string locale) => contexts[(role, locale)];

    /// <summary>Every page visited once per language, shared by the layout and the accessibility tests (the first asks).</summary>
    public Task<PageViews> PageViewsAsync() => pageViews ??= PageViews.VisitAsync(this);

    /// <summary>Every page <paramref name="role"/> may open, with real records where the page shows one.</summary>
    public IReadOnlyList<string> PagesFor(string role) =>
        [.. PortalPage.All(Server.Services)
            .Where(p => p.Path is not ("/Error" or "/Search/Go") && (p.Anonymous || Policies.RolesFor[p.Policy!].Contains(role)))
            .Select(p => p.Url(parameter => Value(p.Path, parameter)))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Each page once, as the first role (least privileged) that may open it, and the pages whose content is per role
    /// (home, My work) as every role: the top bar is the same on every page of a role, so the home page shows each
    /// role's bar, and a page's own content is the same for everyone who may open it.
    /// </summary>
    public IReadOnlyList<(string Role, string Url)> EachPageOnce() =>
        [.. Roles.All.SelectMany(role => PagesFor(role).Select(url => (Role: role, Url: url)))
            .GroupBy(run => run.Url)
            .SelectMany(g => g.Key is "/" or "/Index" or "/MyWork" ? g : g.Take(1))];

    private static string Email(string role) => $"{role.ToLowerInvariant()}@layout.test";

    private string? Value(string page, RoutePatternParameterPart parameter) =>
        values.TryGetValue((page, parameter.Name), out var value) ? value : PortalPage.Placeholder(parameter);

    private async Task<IBrowserContext> SignedInContextAsync(string role, string locale)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale, ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(Email(role));
        await page.Locator("input[name='Input.Password']").FillAsync(PortalFactory.UserPassword);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-menu")).ToBeVisibleAsync();
        await page.CloseAsync();
        return context;
    }

    /// <summary>What the detail pages show: demo stages and reps, a reviewed playbook, a course on it, a cycle, an import.</summary>
    private async Task SeedAsync()
    {
        using var scope = Server.Services.CreateScope();
        var services = scope.ServiceProvider;
        var imports = services.GetRequiredService<ImportService>();
        ImportRecord? repsImport = null;
        foreach (var (kind, file) in new[] { (ImportKind.Stages, "stages.csv"), (ImportKind.Reps, "reps.csv") })
        {
            await using var content = File.OpenRead(Path.Combine(RepoPaths.SeedData, file));
            var record = await imports.ReceiveAsync(content, file, kind, ImportMode.AllOrNothing, dryRun: false, ImportSource.Upload, PortalFactory.AdminEmail, 1 << 24);
            await imports.RunAsync(record.Id);
            repsImport = record;
        }

        var ids = await Server.WithDbAsync(async db => new
        {
            Manager = await db.Users.Where(u => u.Email == Email(Roles.KnowledgeManager)).Select(u => u.Id).SingleAsync(),
            Contributor = await db.Users.Where(u => u.Email == Email(Roles.Contributor)).Select(u => u.Id).SingleAsync(),
            Trainer = await db.Users.Where(u => u.Email == Email(Roles.Trainer)).Select(u => u.Id).SingleAsync(),
            Rep = await db.Reps.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
        });
        var knowledge = services.GetRequiredService<KnowledgeService>();
        var author = new Actor(ids.Contributor, "contributor", false);
        var manager = new Actor(ids.Manager, "manager", true);
        var playbook = await knowledge.CreateAsync(DocumentKind.Playbook, "en", null, "Confirm the decision maker before the proposal",
            "## Situation\n\nA long deal stalls at the proposal.\n\n## What I do\n\n1. Ask who signs.\n2. Invite them to the demo.\n",
            new DocumentMetadata { Stages = ["propose"], Tags = ["decision-maker"] }, author);
        await knowledge.SubmitAsync(playbook.Id, author);
        await knowledge.ApproveAsync(playbook.Id, playbook.CurrentRevisionNumber, "Clear and short.", null, manager);
        await knowledge.SaveAsync(playbook.Id, playbook.Version, playbook.Title, playbook.CurrentRevision.Body + "\n3. Send the summary the same day.\n",
            playbook.Metadata, "Added the summary step", author);

        var courses = services.GetRequiredService<CourseService>();
        var course = await courses.CreateAsync("Proposals that close", "Know who decides.", null, "propose", ids.Trainer);
        await courses.AddModuleAsync(course.Id, playbook.Id, 1, "Discuss a lost deal.");
        var module = (await courses.FindAsync(course.Id))!.Modules[0];

        var now = Server.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var cycle = ImprovementCycle.Open(new CyclePlan(CycleType.Pdca, "Faster proposals", "Proposals take two weeks.", null, ids.Manager, "manager",
            new CycleRoles("Staff", "Analyst", "Manager"), new TargetMetric("stage-conversion", "propose", null), 0.5,
            now.AddDays(-120), now.AddDays(-30), now.AddDays(1), now.AddDays(60)), new MeasuredBaseline(0.4, 120, 1), now);
        await Server.WithDbAsync(async db =>
        {
            db.ImprovementCycles.Add(cycle);
            return await db.SaveChangesAsync();
        });

        var text = (int id) => id.ToString(CultureInfo.InvariantCulture);
        foreach (var page in new[] { "/Knowledge/Details", "/Knowledge/History", "/Knowledge/Diff", "/Knowledge/Edit", "/Knowledge/Standardise" })
        {
            values[(page, "id")] = text(playbook.Id);
        }

        foreach (var page in new[] { "/Courses/Edit", "/Courses/Learn", "/Courses/Progress", "/Courses/Handout", "/Courses/Pin" })
        {
            values[(page, "id")] = text(course.Id);
        }

        values[("/Courses/Pin", "moduleId")] = text(module.Id);
        values[("/Improvement/Details", "id")] = text(cycle.Id);
        values[("/Imports/Details", "id")] = repsImport!.Id.ToString();
        values[("/Imports/Progress", "id")] = repsImport.Id.ToString();
        values[("/Insights/Reps/Detail", "id")] = ids.Rep.ToString(CultureInfo.InvariantCulture);
        values[("/Admin/Users/Edit", "id")] = ids.Contributor;
        values[("/Status", "code")] = "404";
    }
}
