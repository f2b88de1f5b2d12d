using System.IO.Compression;
using KnowledgeKaizen.Web.Courses.Scorm;

namespace KnowledgeKaizen.Browser.Tests.Knowledge;

/// <summary>
/// A Mermaid diagram is drawn as SVG wherever its document is read: the document page, the course's Learn page, the
/// handout on screen and in print, and the SCORM package opened from its unzipped files with no server at all. The
/// renderer is fetched only by pages that have a diagram.
/// </summary>
[Collection(ReadingCollection.Name)]
public sealed class DiagramBrowserTests(BrowserFixture fixture)
{
    // Short enough that Mermaid keeps it on one line of SVG text.
    private const string Label = "Team lead";

    private const string Procedure = $$"""
        # Complaint call-back

        Call back within two hours.

        ```mermaid
        flowchart TD
          A["Complaint logged"] --> B{"Solved on the call?"}
          B -->|no| C["{{Label}}"]
        ```
        """;

    [Fact]
    public async Task Diagram_IsDrawnOnTheDocumentPage_InLearn_AndOnTheHandoutOnScreenAndInPrint()
    {
        var services = fixture.Server.Services;
        var drawn = await ContentScenario.PublishedDocumentAsync(services, DocumentKind.Procedure, "Complaint call-back", Procedure);
        var plain = await ContentScenario.PublishedDocumentAsync(services, DocumentKind.Playbook, "Friendly opening", "Greet the customer by name.");
        var course = await ContentScenario.CourseAsync(services, "Complaint calls", drawn, plain);
        var page = await fixture.NewPageAsync();
        var renderer = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/lib/mermaid/", StringComparison.Ordinal))
            {
                renderer.Add(request.Url);
            }
        };

        await Artifacts.CaptureOnFailureAsync(page, nameof(Diagram_IsDrawnOnTheDocumentPage_InLearn_AndOnTheHandoutOnScreenAndInPrint), async () =>
        {
            await SignIn.AsAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.GotoAsync($"/Knowledge/Details/{plain}");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-diagrams", "drawn");
            Assert.Empty(renderer);

            await page.GotoAsync($"/Knowledge/Details/{drawn}");
            await ExpectDrawnAsync(page.GetByTestId("document-body"));
            Assert.NotEmpty(renderer);
            await Assertions.Expect(page.GetByTestId("document-body").Locator("h1")).ToHaveCountAsync(0);

            await page.GotoAsync($"/Courses/Learn/{course}?module=0");
            await ExpectDrawnAsync(page.GetByTestId("module-content"));

            await page.GotoAsync($"/Courses/Handout/{course}");
            var handout = page.GetByTestId("handout");
            await ExpectDrawnAsync(handout);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.Locator("header").First).ToBeHiddenAsync();
            var box = await handout.Locator(".mermaid svg").First.BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 50 }, $"The printed diagram is {box?.Width} × {box?.Height}.");
        });
    }

    [Fact]
    public async Task ScormPackage_DrawsItsDiagram_FromTheUnzippedFilesAlone()
    {
        var services = fixture.Server.Services;
        var drawn = await ContentScenario.PublishedDocumentAsync(services, DocumentKind.Procedure, "Complaint call-back (package)", Procedure);
        var content = await ContentScenario.ContentAsync(services, await ContentScenario.CourseAsync(services, "Packaged complaint calls", drawn));
        byte[] zip;
        using (var scope = services.CreateScope())
        {
            zip = (await scope.ServiceProvider.GetRequiredService<ScormPackageBuilder>().BuildAsync(content)).Zip;
        }

        using var unzipped = new TempFolder("scorm-diagram");
        new ZipArchive(new MemoryStream(zip)).ExtractToDirectory(unzipped.Path);
        var context = await fixture.Browser.NewContextAsync();
        var network = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            network.Add(route.Request.Url);
            await route.AbortAsync();
        });
        var page = await context.NewPageAsync();

        await Artifacts.CaptureOnFailureAsync(page, nameof(ScormPackage_DrawsItsDiagram_FromTheUnzippedFilesAlone), async () =>
        {
            await page.GotoAsync(new Uri(Path.Combine(unzipped.Path, "index.html")).AbsoluteUri);
            await ExpectDrawnAsync(page.Locator("main"));
            Assert.Empty(network);
        });
        await context.CloseAsync();
    }

    private static async Task ExpectDrawnAsync(ILocator scope)
    {
        var svg = scope.Locator(".mermaid svg").First;
        await Assertions.Expect(svg).ToBeVisibleAsync();
        await Assertions.Expect(svg).ToContainTextAsync(Label);
        await Assertions.Expect(scope).Not.ToContainTextAsync("flowchart TD");
    }
}
