using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

public sealed class ImportApiTests(ImportApiTests.SmallLimitFactory factory) : IClassFixture<ImportApiTests.SmallLimitFactory>
{
    /// <summary>A 1 MB upload limit so the oversize case is cheap.</summary>
    public sealed class SmallLimitFactory : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["KnowledgeKaizen:MaxUploadMegabytes"] = "1" };
    }

    [Fact]
    public async Task WithoutToken_Is401()
    {
        var response = await PostCsvAsync(factory.CreateBrowserlessClient(), "stages", Stages);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RevokedToken_Is401()
    {
        var secret = await CreateTokenAsync(factory, "revoked");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
            var token = await db.ApiTokens.SingleAsync(t => t.Name == "revoked");
            token.Revoke(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var response = await PostCsvAsync(TokenClient(factory, secret), "stages", Stages);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_DoesNotOpenAdminPages()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));
        var response = await client.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SameFileTwice_SecondTimeChangesNothing_AndCorrectedRowUpdates()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));
        await LoadBasicsAsync(client);
        var file = StageHeader + "idem1,o1,qualify,r1,2024-01-10,2024-01-12,advanced\n";
        await PostCsvAsync(client, "stage-history", file);

        var again = (await JsonAsync(await PostCsvAsync(client, "stage-history", file))).GetProperty("report");
        var corrected = (await JsonAsync(await PostCsvAsync(client, "stage-history", file.Replace("2024-01-12", "2024-01-13", StringComparison.Ordinal)))).GetProperty("report");

        Assert.Equal((0, 0, 1), (again.GetProperty("inserted").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(1, corrected.GetProperty("updated").GetInt32());
    }

    [Fact]
    public async Task BadRows_Are422WithLineColumnAndReason_AndNothingIsApplied()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));
        await LoadBasicsAsync(client);
        var file = StageHeader + "bad1,o1,qualify,r1,2024-01-10,,open\nbad2,o1,nosuch,r1,2024-01-10,2024-01-01,advanced\n";

        var response = await PostCsvAsync(client, "stage-history", file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await JsonAsync(response)).GetProperty("report").GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("line").GetInt32() == 3 && p.GetProperty("column").GetString() == "stage");
        Assert.Contains(problems, p => p.GetProperty("column").GetString() == "left_at");
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().StageHistory.AnyAsync(h => h.ExternalId == "bad1"));
    }

    [Fact]
    public async Task ValidRowsMode_AppliesTheGoodRowsAndReportsTheRest()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));
        await LoadBasicsAsync(client);
        var file = StageHeader + "part1,o1,qualify,r1,2024-01-10,,open\npart2,o1,qualify,r9,2024-01-10,,open\n";

        var report = (await JsonAsync(await PostCsvAsync(client, "stage-history", file, "?mode=valid"))).GetProperty("report");

        Assert.True(report.GetProperty("applied").GetBoolean());
        Assert.Equal(1, report.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task OversizeFile_Is413WithAMessage()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));
        var big = StageHeader + string.Concat(Enumerable.Repeat("x,o1,qualify,r1,2024-01-10,,open\n", 40_000));

        var response = await PostCsvAsync(client, "stage-history", big);

        Assert.Contains("1 MB", await response.BodyAsync(HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKind_Is404ProblemDetails()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));
        var response = await PostCsvAsync(client, "invoices", Stages);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BackgroundImport_ReportsProgressUntilFinished()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));
        await LoadBasicsAsync(client);
        var response = await PostCsvAsync(client, "stage-history", StageHeader + "bg1,o1,discover,r1,2024-02-01,,open\n", "?background=true");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await WaitForJobAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("Succeeded", job.GetProperty("importStatus").GetString());
        Assert.Equal(1.0, job.GetProperty("progress").GetDouble());
        Assert.Equal("done", job.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task FormulaInText_IsStoredAsText()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));
        var file = "external_id,channel,type,text,received_at\nf-formula,web,complaint,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",2024-03-01\n";

        var response = await PostCsvAsync(client, "feedback", file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        var text = await scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().Feedback.Where(f => f.ExternalId == "f-formula").Select(f => f.Text).SingleAsync();
        Assert.Equal("=HYPERLINK(\"http://evil\",\"x\")", text);
    }

    [Fact]
    public async Task ProblemsExport_ListsEveryProblemAsCsv()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));
        var file = "external_id,channel,type,text,received_at,score\nf-score,web,complaint,slow,2024-03-01,9\n";

        var importId = (await JsonAsync(await PostCsvAsync(client, "feedback", file))).GetProperty("importId").GetString();
        var csv = await client.GetStringAsync($"/api/v1/imports/{importId}/problems.csv");

        Assert.Contains("2,score,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChineseEmojiAndLongText_RoundTripIntact_FromJson()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));
        await LoadBasicsAsync(client);
        var longText = "很好 👍 " + new string('字', 50_000);
        var json = System.Text.Json.JsonSerializer.Serialize(new[] { new { external_id = "f-zh", channel = "chat", type = "praise", text = longText, received_at = "2024-03-01T08:00:00+08:00" } });

        var response = await client.PostAsync("/api/v1/imports/feedback", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().Feedback.SingleAsync(f => f.ExternalId == "f-zh");
        Assert.Equal(longText, stored.Text);
        Assert.Equal(new DateTime(2024, 3, 1, 0, 0, 0), stored.ReceivedAt);
    }

    [Fact]
    public async Task TemplateDownload_HasTheKindsHeader()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));
        var csv = await client.GetStringAsync("/api/v1/imports/templates/stage-history.csv");
        Assert.Equal(StageHeader.TrimEnd('\n'), csv.Trim('\uFEFF').TrimEnd('\r', '\n'));
    }
}
