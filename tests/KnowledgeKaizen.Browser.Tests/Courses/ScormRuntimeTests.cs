using System.IO.Compression;
using System.Text.Json;
using KnowledgeKaizen.Web.Courses.Scorm;

namespace KnowledgeKaizen.Browser.Tests.Courses;

/// <summary>
/// The exported SCORM 1.2 package, unzipped and launched in a frame whose parent plays the LMS: a recording
/// stand-in for the SCORM 1.2 API object, as Moodle and other LMSs provide it.
/// </summary>
public sealed class ScormRuntimeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string LmsOrigin = "http://lms.test";

    // The LMS page is served by the test itself (Playwright route), so this script is not under the portal's CSP.
    private const string LmsPage = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>LMS</title><script>
        window.calls = [];
        function record(name, args, result) { window.calls.push([name].concat(Array.prototype.slice.call(args))); return result; }
        window.API = {
          LMSInitialize: function () { return record("LMSInitialize", arguments, "true"); },
          LMSFinish: function () { return record("LMSFinish", arguments, "true"); },
          LMSGetValue: function () { return record("LMSGetValue", arguments, ""); },
          LMSSetValue: function () { return record("LMSSetValue", arguments, "true"); },
          LMSCommit: function () { return record("LMSCommit", arguments, "true"); },
          LMSGetLastError: function () { return record("LMSGetLastError", arguments, "0"); },
          LMSGetErrorString: function () { return record("LMSGetErrorString", arguments, ""); },
          LMSGetDiagnostic: function () { return record("LMSGetDiagnostic", arguments, ""); }
        };
        </script></head><body><iframe id="sco" title="course" src="/package/index.html" style="width:100%;height:90vh"></iframe></body></html>
        """;

    [Theory]
    [InlineData("Right", "Wrong", "50", "failed")]
    [InlineData("Right", "Right", "100", "passed")]
    public async Task LearnerCompletesPackage_ReportsScoreAndStatusThroughScorm12Api(string firstAnswer, string secondAnswer, string score, string status)
    {
        var services = fixture.Server.Services;
        var first = await ContentScenario.PublishedDocumentAsync(services, DocumentKind.Procedure, "Quote checklist", "## Check\n\n1. Prices current.\n");
        var second = await ContentScenario.PublishedDocumentAsync(services, DocumentKind.Playbook, "Quote follow-up", "Call within two days.");
        var content = await ContentScenario.ContentAsync(services, await ContentScenario.CourseAsync(services, "Quoting", first, second));
        byte[] zip;
        using (var scope = services.CreateScope())
        {
            zip = (await scope.ServiceProvider.GetRequiredService<ScormPackageBuilder>().BuildAsync(content)).Zip;
        }

        using var unzipped = new TempFolder("scorm-browser");
        var folder = unzipped.Path;
        new ZipArchive(new MemoryStream(zip)).ExtractToDirectory(folder);

        var context = await fixture.Browser.NewContextAsync();
        var external = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.GetLeftPart(UriPartial.Authority) != LmsOrigin)
            {
                external.Add(route.Request.Url);
                await route.AbortAsync();
                return;
            }

            if (url.AbsolutePath == "/lms.html")
            {
                await route.FulfillAsync(new() { ContentType = "text/html", Body = LmsPage });
                return;
            }

            var file = Path.GetFullPath(Path.Combine(folder, url.AbsolutePath["/package/".Length..]));
            await route.FulfillAsync(File.Exists(file) && file.StartsWith(folder, StringComparison.Ordinal)
                ? new() { Path = file }
                : new() { Status = 404 });
        });
        var page = await context.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(page, nameof(LearnerCompletesPackage_ReportsScoreAndStatusThroughScorm12Api), async () =>
        {
            await page.GotoAsync(LmsOrigin + "/lms.html");
            var sco = page.FrameLocator("#sco");
            await Assertions.Expect(sco.Locator("#lms-status")).ToHaveTextAsync("Connected to your learning system.");

            // Finishing with unanswered questions reports nothing yet.
            await sco.GetByRole(AriaRole.Button, new() { Name = "Finish course" }).ClickAsync();
            await Assertions.Expect(sco.Locator("#lms-status")).ToHaveTextAsync("Answer every question before finishing.");

            await sco.GetByRole(AriaRole.Group, new() { Name = "Question on Quote checklist?" }).GetByLabel(firstAnswer, new() { Exact = true }).CheckAsync();
            await sco.GetByRole(AriaRole.Group, new() { Name = "Question on Quote follow-up?" }).GetByLabel(secondAnswer, new() { Exact = true }).CheckAsync();
            await sco.GetByRole(AriaRole.Button, new() { Name = "Finish course" }).ClickAsync();
            await Assertions.Expect(sco.Locator("#result")).ToHaveAttributeAsync("data-score", score);

            var calls = JsonSerializer.Deserialize<string[][]>(await page.EvaluateAsync<string>("JSON.stringify(window.calls)"))!
                .Select(c => string.Join("|", c)).ToList();
            Assert.Equal(
            [
                "LMSInitialize|",
                "LMSGetValue|cmi.core.lesson_status",
                "LMSSetValue|cmi.core.lesson_status|incomplete",
                "LMSCommit|",
                "LMSSetValue|cmi.core.score.min|0",
                "LMSSetValue|cmi.core.score.max|100",
                $"LMSSetValue|cmi.core.score.raw|{score}",
                $"LMSSetValue|cmi.core.lesson_status|{status}",
                "LMSCommit|",
                "LMSFinish|",
            ], calls);
            Assert.Empty(external);
        });
        await context.CloseAsync();
    }
}
