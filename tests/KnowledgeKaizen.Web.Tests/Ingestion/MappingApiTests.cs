using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>The import API with <c>?mapping=</c>: vendor exports with companion files, saved mappings, and every kind of bad request.</summary>
public sealed class MappingApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Export(string vendor, string file) => Path.Combine(RepoPaths.CrmExports, vendor, file);

    [Fact]
    public async Task HubSpotExport_ImportsThroughPresets_AndTheReportSaysWhatTheMappingDid()
    {
        var client = await ClientAsync();
        await PostCsvAsync(client, "stages", await File.ReadAllTextAsync(Path.Combine(RepoPaths.SeedData, "stages.csv")));
        foreach (var (kind, preset, file) in new[]
        {
            ("reps", "hubspot-owners", "owners.csv"), ("customers", "hubspot-companies", "companies.csv"), ("opportunities", "hubspot-deals", "deals.csv"),
        })
        {
            var response = await PostFileAsync(client, $"{kind}?mapping={preset}", Export("hubspot", file));
            Assert.True(response.IsSuccessStatusCode, $"{preset}: {await response.Content.ReadAsStringAsync()}");
        }

        var history = await JsonAsync(await PostFileAsync(client, "stage-history?mapping=hubspot-deal-stage-history", Export("hubspot", "deal-stage-history.csv")));
        var calls = await JsonAsync(await PostFileAsync(client, "activities?mapping=hubspot-calls", Export("hubspot", "calls.csv")));

        var report = history.GetProperty("report");
        Assert.Equal(("hubspot-deal-stage-history", 56, 12), (report.GetProperty("mapping").GetString(), report.GetProperty("inserted").GetInt32(),
            report.GetProperty("filtered").GetInt32()));
        Assert.Contains(report.GetProperty("notes").EnumerateArray(), n => n.GetProperty("kind").GetString() == "reopened"
            && n.GetProperty("subject").GetString() == "33401870004" && n.GetProperty("text").GetString()!.Contains("closedlost", StringComparison.Ordinal));
        Assert.Equal((10, 2), (calls.GetProperty("report").GetProperty("inserted").GetInt32(), calls.GetProperty("report").GetProperty("filtered").GetInt32()));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        Assert.Equal(0, (await db.Opportunities.SingleAsync(o => o.ExternalId == "33401870010")).Amount);
    }

    [Fact]
    public async Task CompanionFiles_GoAsMultipartFields_AndAMissingOneIsA400NamingIt()
    {
        var client = await ClientAsync();
        await PostCsvAsync(client, "stages", await File.ReadAllTextAsync(Path.Combine(RepoPaths.SeedData, "stages.csv")));
        await PostFileAsync(client, "reps?mapping=dynamics365-systemusers", Export("dynamics365", "systemusers.csv"));
        await PostFileAsync(client, "customers?mapping=dynamics365-accounts", Export("dynamics365", "accounts.csv"));

        var missing = await PostMultipartAsync(client, "opportunities?mapping=dynamics365-opportunities",
            ("file", Export("dynamics365", "opportunities.csv")), ("leads", Export("dynamics365", "leads.csv")));
        var complete = await PostMultipartAsync(client, "opportunities?mapping=dynamics365-opportunities",
            ("file", Export("dynamics365", "opportunities.csv")), ("leads", Export("dynamics365", "leads.csv")), ("audit", Export("dynamics365", "opportunity-stage-audit.csv")));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await JsonAsync(missing);
        Assert.Contains("Audit history of the stage and status (audit: stepname, statecode)", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("'audit'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(complete.IsSuccessStatusCode, await complete.Content.ReadAsStringAsync());
        Assert.Equal(12, (await JsonAsync(complete)).GetProperty("report").GetProperty("inserted").GetInt32());
        using var scope = factory.Services.CreateScope();
        var won = await scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().Opportunities
            .SingleAsync(o => o.ExternalId == "83b48e36-0712-52e3-950e-3fccf52e13e4");
        Assert.Equal(new DateTime(2025, 5, 14, 2, 0, 0), won.ClosedAt);
    }

    [Fact]
    public async Task UnknownMapping_Is404_AndAMappingOfAnotherKindIs400()
    {
        var client = await ClientAsync();

        var unknown = await PostCsvAsync(client, "reps", Reps, "?mapping=no-such-mapping");
        var otherKind = await PostCsvAsync(client, "reps", Reps, "?mapping=hubspot-companies");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherKind.StatusCode);
        Assert.Contains("/api/v1/imports/customers?mapping=hubspot-companies", (await JsonAsync(otherKind)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedMapping_IsUsedByName_AndAValueItCannotMapIsA422NamingTheSourceColumn()
    {
        var client = await ClientAsync();
        await LoadBasicsAsync(client);
        const string mapping = """
            {
              "name": "xsy-activities", "kind": "activities", "title": "销售易 跟进记录",
              "fields": {
                "external_id": { "column": "跟进ID" }, "opportunity_id": { "column": "商机ID" }, "rep_id": { "column": "负责人ID" },
                "type": { "column": "跟进方式", "values": { "电话": "call", "拜访": "visit", "报价": "quote" } },
                "occurred_at": { "column": "跟进时间", "format": "yyyy/M/d H:mm" }
              },
              "timeZone": "Asia/Shanghai"
            }
            """;
        var saved = await client.PutAsync("/api/v1/imports/mappings/xsy-activities", new StringContent(mapping, Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        var good = await PostCsvAsync(client, "activities", "跟进ID,商机ID,负责人ID,跟进方式,跟进时间\nf1,o1,r1,电话,2025/3/4 9:05\n", "?mapping=xsy-activities");
        var bad = await PostCsvAsync(client, "activities", "跟进ID,商机ID,负责人ID,跟进方式,跟进时间\nf2,o1,r1,微信,2025/3/4 9:05\n", "?mapping=xsy-activities");

        Assert.True(good.IsSuccessStatusCode, await good.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = (await JsonAsync(bad)).GetProperty("report").GetProperty("problems")[0];
        Assert.Equal((2, "type (跟进方式)"), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetString()));
        using var scope = factory.Services.CreateScope();
        var activity = await scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().Activities.SingleAsync(a => a.ExternalId == "f1");
        Assert.Equal(new DateTime(2025, 3, 4, 1, 5, 0), activity.OccurredAt);
    }

    [Fact]
    public async Task MappingEndpoints_ListReadSaveAndRemove_AndRefuseWhatIsWrong()
    {
        var client = await ClientAsync();
        const string draft = """{ "name": "tmp-reps", "kind": "reps", "fields": { "external_id": { "column": "工号" }, "name": { "column": "姓名" } } }""";

        var invalid = await client.PutAsync("/api/v1/imports/mappings/tmp-reps",
            new StringContent(draft.Replace("\"column\": \"姓名\"", "\"column\": \"姓名\", \"rule\": \"nonsense\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var preset = await client.PutAsync("/api/v1/imports/mappings/hubspot-owners",
            new StringContent(draft.Replace("tmp-reps", "hubspot-owners", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var notJson = await client.PutAsync("/api/v1/imports/mappings/tmp-reps", new StringContent("{ nope", Encoding.UTF8, "application/json"));
        var saved = await client.PutAsync("/api/v1/imports/mappings/tmp-reps", new StringContent(draft, Encoding.UTF8, "application/json"));
        var list = await JsonAsync(await client.GetAsync("/api/v1/imports/mappings"));
        var one = await JsonAsync(await client.GetAsync("/api/v1/imports/mappings/TMP-REPS"));
        var removed = await client.DeleteAsync("/api/v1/imports/mappings/tmp-reps");
        var again = await client.GetAsync("/api/v1/imports/mappings/tmp-reps");
        var removePreset = await client.DeleteAsync("/api/v1/imports/mappings/salesforce-users");

        Assert.Contains("'nonsense' is not a rule", await invalid.BodyAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, preset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains(list.EnumerateArray(), m => m.GetProperty("name").GetString() == "salesforce-cases" && m.GetProperty("preset").GetBoolean()
            && m.GetProperty("companions")[0].GetProperty("name").GetString() == "comments");
        Assert.Contains(list.EnumerateArray(), m => m.GetProperty("name").GetString() == "tmp-reps" && !m.GetProperty("preset").GetBoolean());
        Assert.Equal("工号", one.GetProperty("fields").GetProperty("external_id").GetProperty("column").GetString());
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (removed.StatusCode, again.StatusCode, removePreset.StatusCode));
    }

    [Fact]
    public async Task MappingEndpoints_NeedAnAdminOrToken()
    {
        var anonymous = await factory.CreateBrowserlessClient().GetAsync("/api/v1/imports/mappings");
        await factory.EnsureUserAsync("staff-mappings@test.local", KnowledgeKaizen.Core.Identity.Roles.Staff);
        var staff = await (await factory.SignInAsync("staff-mappings@test.local", PortalFactory.UserPassword)).GetAsync("/api/v1/imports/mappings");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
    }

    private async Task<HttpClient> ClientAsync() => TokenClient(factory, await CreateTokenAsync(factory, "mappings-" + Guid.NewGuid().ToString("N")[..6]));

    private static Task<HttpResponseMessage> PostFileAsync(HttpClient client, string route, string path) =>
        client.PostAsync($"/api/v1/imports/{route}", new ByteArrayContent(File.ReadAllBytes(path)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });

    private static Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string route, params (string Field, string Path)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, path) in files)
        {
            form.Add(new ByteArrayContent(File.ReadAllBytes(path)), field, Path.GetFileName(path));
        }

        return client.PostAsync($"/api/v1/imports/{route}", form);
    }
}
