using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>The Admin flow through the pages: upload → dry-run preview → commit → history.</summary>
public sealed class UploadPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureUserAsync("importer@test.local", Roles.Admin);
        return await factory.SignInAsync("importer@test.local", PortalFactory.UserPassword);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string fileName, string content, string mode = "AllOrNothing")
    {
        var token = await PortalFactory.AntiforgeryTokenAsync(client, "/Imports/Upload");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Input.Kind" },
            { new StringContent(mode), "Input.Mode" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "Input.File", fileName },
        };
        return await client.PostAsync("/Imports/Upload", form);
    }

    /// <summary>Follows the progress page's job until it finishes; returns the import id.</summary>
    private static async Task<string> FinishAsync(HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var progressUrl = redirect.Headers.Location!.OriginalString;
        var html = await client.GetStringAsync(progressUrl);
        var jobUrl = System.Text.RegularExpressions.Regex.Match(html, "data-import-progress=\"([^\"]+)\"").Groups[1].Value;
        var job = await WaitForJobAsync(client, jobUrl);
        return job.GetProperty("importId").GetString()!;
    }

    [Fact]
    public async Task UploadPreviewCommit_AppliesTheFileOnlyAfterCommit()
    {
        // Stage codes no other test in the class loads, so the counts hold in any test order.
        const string file = "code,name,name_zh,position\nupload-first,Upload first,上传一,11\nupload-second,Upload second,上传二,12\n";
        var client = await AdminAsync();
        var importId = await FinishAsync(client, await UploadAsync(client, "stages", "stages.csv", file));

        var preview = await client.GetStringAsync($"/Imports/Details/{importId}");
        var afterPreview = await UploadedStagesAsync();
        var commit = await PortalFactory.PostFormAsync(client, $"/Imports/Details/{importId}?handler=Commit", new() { ["Mode"] = "AllOrNothing" },
            $"/Imports/Details/{importId}");
        var committedId = await FinishAsync(client, commit);

        Assert.Contains("data-testid=\"commit-form\"", preview, StringComparison.Ordinal);
        Assert.Equal(0, afterPreview);
        Assert.Equal(2, await UploadedStagesAsync());

        var history = await client.GetStringAsync("/Imports");
        Assert.Contains($"/Imports/Details/{committedId}", history, StringComparison.Ordinal);
        Assert.Contains("stages.csv", history, StringComparison.Ordinal);
    }

    private Task<int> UploadedStagesAsync(string prefix = "upload-") =>
        factory.WithDbAsync(db => db.SalesStages.CountAsync(s => s.Code.StartsWith(prefix)));

    [Fact]
    public async Task ProgressPage_NamesThePhase_RowsReadThenAppliedThenTheDashboards()
    {
        var client = await AdminAsync();
        var upload = await UploadAsync(client, "stages", "stages.csv", Stages);

        var html = await client.GetStringAsync(upload.Headers.Location!.OriginalString);
        var script = await client.GetStringAsync("/js/imports.js");

        Assert.Contains("data-rows-text=\"{0} rows read\"", html, StringComparison.Ordinal);
        Assert.Contains("data-applying-text=\"{0} rows applied\"", html, StringComparison.Ordinal);
        Assert.Contains("data-finishing-text=\"All {0} rows applied; updating the dashboards", html, StringComparison.Ordinal);
        Assert.Contains("job.phase === 'finishing' ? 'data-finishing-text' : job.phase === 'applying' ? 'data-applying-text'", script, StringComparison.Ordinal);
        await FinishAsync(client, upload);
    }

    [Fact]
    public async Task PreviewOfABadFile_ListsEveryProblem()
    {
        var client = await AdminAsync();
        var importId = await FinishAsync(client, await UploadAsync(client, "stages", "stages.csv", "code,name,position\nq,Q,zero\nq,Q2,2\n"));

        var preview = await client.GetStringAsync($"/Imports/Details/{importId}");

        Assert.Contains("data-testid=\"import-problems\"", preview, StringComparison.Ordinal);
        Assert.Contains("position", preview, StringComparison.Ordinal);
        Assert.Contains("Duplicate code", preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewWithProblems_OffersOnlyTheValidRows_AndARejectedImportSaysNothingWasWritten()
    {
        const string file = "code,name,name_zh,position\nreject-a,Reject A,拒一,21\nreject-b,Reject B,拒二,22\nreject-c,Reject C,拒三,two\n";
        var client = await AdminAsync();
        var previewId = await FinishAsync(client, await UploadAsync(client, "stages", "stages.csv", file));

        var preview = await client.GetStringAsync($"/Imports/Details/{previewId}");
        var allOrNothing = await PortalFactory.PostFormAsync(client, $"/Imports/Details/{previewId}?handler=Commit", new() { ["Mode"] = "AllOrNothing" },
            $"/Imports/Details/{previewId}");
        var importId = (await JsonAsync(await PostCsvAsync(TokenClient(factory, await CreateTokenAsync(factory, "rejects-" + Guid.NewGuid().ToString("N"))), "stages", file)))
            .GetProperty("importId").GetString();
        var rejected = await client.GetStringAsync($"/Imports/Details/{importId}");

        // All or nothing would write nothing: only the two valid rows are offered, and a commit asking for all of them is not run.
        Assert.Contains("data-testid=\"preview-failed\"", preview, StringComparison.Ordinal);
        Assert.Contains("name=\"Mode\" value=\"ValidRowsOnly\"", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"AllOrNothing\"", preview, StringComparison.Ordinal);
        Assert.Contains("Only the 2 valid rows can be applied", preview, StringComparison.Ordinal);
        Assert.Equal($"/Imports/Details/{previewId}", allOrNothing.Headers.Location!.OriginalString);
        Assert.Equal(0, await UploadedStagesAsync("reject-"));
        Assert.Contains("data-testid=\"nothing-written\"", rejected, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"count-inserted\">0<", rejected, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"commit-form\"", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadOfAnotherKindsFile_SaysWhatItLooksLike_AndChoosesThatKind()
    {
        var client = await AdminAsync();

        var response = await UploadAsync(client, "stages", "people.csv", "external_id,name,email,team,region,role\nr9,Ann Lee,ann@example.com,East A,East,sales\n");

        var html = await response.BodyAsync(HttpStatusCode.OK);
        Assert.Contains("The header row looks like Reps, not Sales stages.", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"reps\"[^>]*selected=\"selected\"", html);
    }

    [Fact]
    public async Task UploadWithoutAFile_ShowsAValidationMessage()
    {
        var client = await AdminAsync();
        var response = await PortalFactory.PostFormAsync(client, "/Imports/Upload", new() { ["Input.Kind"] = "stages" });
        Assert.Contains("Choose a file.", await response.BodyAsync(HttpStatusCode.OK), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_RecordFeedbackThroughTheForm()
    {
        await factory.EnsureUserAsync("staff-feedback@test.local", Roles.Staff);
        var client = await factory.SignInAsync("staff-feedback@test.local", PortalFactory.UserPassword);

        var response = await PortalFactory.PostFormAsync(client, "/Feedback/Record", new()
        {
            ["Input.Type"] = "Suggestion", ["Input.Channel"] = "Chat", ["Input.Text"] = "希望增加夜间客服 🌙", ["Input.Score"] = "4",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var saved = await db.Feedback.SingleAsync(f => f.Text == "希望增加夜间客服 🌙");
        Assert.NotNull(saved.RecordedByUserId);
        Assert.True(await db.SearchOutbox.AnyAsync(e => e.DocumentType == "feedback" && e.DocumentKey == saved.ExternalId));
    }

    [Fact]
    public async Task ServiceCaseApi_OpensThenResolvesACase()
    {
        var client = await AdminAsync();
        foreach (var (kind, csv) in new[] { ("stages", Stages), ("reps", Reps), ("customers", Customers) })
        {
            await client.PostAsync($"/api/v1/imports/{kind}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        }

        var opened = await client.PostAsJsonAsync("/api/v1/service-cases", new
        {
            customer_id = "c1", agent_id = "r2", channel = "email", category = "billing", priority = "high", subject = "Invoice wrong",
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await JsonAsync(opened)).GetProperty("id").GetInt64();

        var resolved = await client.PostAsJsonAsync("/api/v1/service-cases", new { case_id = id, resolution = "Reissued the invoice 已重开发票" });
        var invalid = await client.PostAsJsonAsync("/api/v1/service-cases", new { customer_id = "c404", channel = "fax" });

        Assert.Equal(HttpStatusCode.Created, resolved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var scope = factory.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().ServiceCases.SingleAsync(c => c.Id == id);
        Assert.Equal("Reissued the invoice 已重开发票", saved.Resolution);
    }
}
