using System.Text;

namespace KnowledgeKaizen.Browser.Tests.Ingestion;

public sealed class UploadPreviewCommitTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Stages = "code,name,name_zh,position\nqualify,Lead qualification,线索确认,1\ndiscover,Discovery visit,需求调研,2\npropose,Proposal,方案建议,3\n";

    [Fact]
    public async Task Admin_UploadsAFile_SeesTheDryRunPreview_CommitsIt_AndFindsItInTheHistory()
    {
        var page = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(page, nameof(Admin_UploadsAFile_SeesTheDryRunPreview_CommitsIt_AndFindsItInTheHistory), async () =>
        {
            await UploadStagesAsync(page, "stages.csv", Stages);
            await Assertions.Expect(page.GetByTestId("count-rows")).ToHaveTextAsync("3");
            await Assertions.Expect(page.GetByTestId("count-inserted")).ToHaveTextAsync("3");

            // The commit runs as a job: its progress page asks the job endpoint (listened for before the click,
            // so even a job that finishes at once is seen) and then moves on to the report.
            var polled = page.WaitForResponseAsync(response => response.Url.Contains("/api/v1/imports/jobs/", StringComparison.Ordinal));
            await page.GetByTestId("commit-submit").ClickAsync();
            Assert.True((await polled).Ok);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Imports/Details/"));
            await Assertions.Expect(page.GetByTestId("import-status")).ToContainTextAsync("Succeeded");

            await page.GotoAsync("/Imports");
            await Assertions.Expect(page.GetByTestId("import-history")).ToContainTextAsync("stages.csv");
        });
    }

    [Fact]
    public async Task FileWithABadRow_ListsTheProblemWithLineAndColumn_InThePreview()
    {
        var page = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(page, nameof(FileWithABadRow_ListsTheProblemWithLineAndColumn_InThePreview), async () =>
        {
            await UploadStagesAsync(page, "bad-stages.csv", "code,name,name_zh,position\nqualify,Lead qualification,线索确认,one\n");
            var problems = page.GetByTestId("import-problems");
            await Assertions.Expect(problems).ToContainTextAsync("position");
            await Assertions.Expect(problems).ToContainTextAsync("2");
        });
    }

    /// <summary>Signs in as the Admin and uploads a stages file; the preview runs as a job and the page moves on to its report.</summary>
    private static async Task UploadStagesAsync(IPage page, string name, string csv)
    {
        await SignIn.AsAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await page.GotoAsync("/Imports/Upload");
        await page.GetByTestId("import-kind").SelectOptionAsync("stages");
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByTestId("upload-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Imports/Details/"));
    }
}
