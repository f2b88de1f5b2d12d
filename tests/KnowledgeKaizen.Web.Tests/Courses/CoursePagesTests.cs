using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Crm;

namespace KnowledgeKaizen.Web.Tests.Courses;

/// <summary>Course pages through HTTP: refusals with clear messages, tamper-proof quiz posts, the rep-page panel.</summary>
public sealed partial class CoursePagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string TrainerEmail = "trainer@courses.test";
    private const string StaffEmail = "staff@courses.test";

    [Fact]
    public async Task ExportingEmptyCourse_IsRefusedWithClearMessage()
    {
        await factory.EnsureUserAsync(TrainerEmail, Roles.Trainer);
        var trainer = await factory.SignInAsync(TrainerEmail, PortalFactory.UserPassword);
        var created = await PortalFactory.PostFormAsync(trainer, "/Courses?handler=Create", new() { ["Input.Title"] = "Empty course" }, "/Courses");
        var id = Regex.Match(created.Headers.Location!.OriginalString, @"/Courses/Edit/(\d+)").Groups[1].Value;

        foreach (var handler in new[] { "Scorm", "Markdown" })
        {
            var export = await trainer.GetAsync($"/Courses/Handout/{id}?handler={handler}");
            Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
            var page = await trainer.GetStringAsync(export.Headers.Location!.OriginalString);
            Assert.Contains("The course has no modules yet. Add at least one module before exporting or publishing.", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Exports_DownloadScormAndMarkdownZips()
    {
        await factory.EnsureUserAsync(TrainerEmail, Roles.Trainer);
        var doc = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Playbook, "Export me", "Body to export.");
        var id = await ContentScenario.CourseAsync(factory.Services, "Exported", doc);
        var trainer = await factory.SignInAsync(TrainerEmail, PortalFactory.UserPassword);

        var scorm = await trainer.GetAsync($"/Courses/Handout/{id}?handler=Scorm");
        Assert.Equal("application/zip", scorm.Content.Headers.ContentType!.MediaType);
        using var bundle = new System.IO.Compression.ZipArchive(await (await trainer.GetAsync($"/Courses/Handout/{id}?handler=Markdown")).Content.ReadAsStreamAsync());
        Assert.Equal(["01-export-me.md", "course.json", "index.md"], bundle.Entries.Select(e => e.FullName).Order());

        var handout = await trainer.GetStringAsync($"/Courses/Handout/{id}");
        Assert.Contains("data-testid=\"toc\"", handout, StringComparison.Ordinal);
        Assert.Contains("Body to export.", handout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedQuizAnswers_AreRejected_AndCorrectOnesScored()
    {
        await factory.EnsureUserAsync(StaffEmail, Roles.Staff);
        var doc = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Procedure, "Quoting", "Quote after discovery.");
        var id = await ContentScenario.CourseAsync(factory.Services, "Quoting course", doc);
        var (moduleId, questionId) = await ContentScenario.WithAsync(factory.Services, async s =>
        {
            var course = (await s.GetRequiredService<CourseService>().FindAsync(id))!;
            return (course.Modules[0].Id, course.Modules[0].Questions[0].Id);
        });
        var staff = await factory.SignInAsync(StaffEmail, PortalFactory.UserPassword);
        var learn = $"/Courses/Learn/{id}";
        await PortalFactory.PostFormAsync(staff, $"{learn}?handler=Enroll", [], learn);
        var submit = $"{learn}?handler=Submit&moduleId={moduleId}&module=0";

        foreach (var tampered in new Dictionary<string, string>[]
        {
            new() { [$"Answers[{questionId}]"] = "7" },
            new() { [$"Answers[{questionId}]"] = "0", [$"Answers[{questionId + 1000}]"] = "0" },
            new() { [$"Answers[{questionId}]"] = "first", ["Score"] = "100" },
        })
        {
            var refused = await PortalFactory.PostFormAsync(staff, submit, tampered, learn);
            var page = await staff.GetStringAsync(refused.Headers.Location!.OriginalString);
            Assert.Contains("data-testid=\"course-error\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"course-outcome\"", page, StringComparison.Ordinal);
        }

        var accepted = await PortalFactory.PostFormAsync(staff, submit, new() { [$"Answers[{questionId}]"] = "1", ["Score"] = "100" }, learn);
        var done = await staff.GetStringAsync(accepted.Headers.Location!.OriginalString);
        Assert.Contains("data-testid=\"course-outcome\">Failed<", done, StringComparison.Ordinal);
        Assert.Contains("Score 0%", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffCannotOpenTheBuilder()
    {
        await factory.EnsureUserAsync(StaffEmail, Roles.Staff);
        var staff = await factory.SignInAsync(StaffEmail, PortalFactory.UserPassword);
        var doc = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Solution, "Builder guard", "Text.");
        var id = await ContentScenario.CourseAsync(factory.Services, "Guarded", doc);

        foreach (var page in new[] { $"/Courses/Edit/{id}", $"/Courses/Progress/{id}", $"/Courses/Handout/{id}?handler=Scorm" })
        {
            var response = await staff.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, page);
            Assert.NotEqual("application/zip", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task RepPage_ShowsStageCourseCompletion_ForTheRepsAccount()
    {
        var repUser = await factory.EnsureUserAsync("rep@courses.test", Roles.Staff);
        await factory.EnsureUserAsync("manager@courses.test", Roles.KnowledgeManager);
        var doc = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Playbook, "Propose well", "Text.");
        var id = await ContentScenario.CourseAsync(factory.Services, "Propose course", doc);
        var repId = await ContentScenario.WithAsync(factory.Services, async s =>
        {
            var db = s.GetRequiredService<KnowledgeKaizenDbContext>();
            var rep = new Rep("REP-COURSES", "Course Rep", "East-1", "East", RepRole.Sales, "rep@courses.test");
            rep.LinkUser(repUser);
            db.Reps.Add(rep);
            await db.SaveChangesAsync();
            var learning = s.GetRequiredService<LearningService>();
            await learning.EnrollAsync(id, repUser);
            var course = (await s.GetRequiredService<CourseService>().FindAsync(id))!;
            await learning.SubmitModuleAsync(id, course.Modules[0].Id, repUser, new Dictionary<int, int> { [course.Modules[0].Questions[0].Id] = 0 });
            return rep.Id;
        });
        var manager = await factory.SignInAsync("manager@courses.test", PortalFactory.UserPassword);

        var page = await manager.GetStringAsync($"/Insights/Reps/{repId}");

        Assert.Contains("data-testid=\"rep-courses\"", page, StringComparison.Ordinal);
        // Other tests in the class publish "propose" courses too; this rep passed exactly one of them.
        Assert.Matches(@"Proposal: Courses for this stage: passed 1 of \d+", page);
    }
}
