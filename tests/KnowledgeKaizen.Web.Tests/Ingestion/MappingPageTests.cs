using KnowledgeKaizen.Core.Ingestion.Mapping;
using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>The Admin's way through the pages with a file in another layout: detect or propose, map, preview, save, check, commit.</summary>
public sealed partial class MappingPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task VendorExport_IsRecognised_PreviewedAsItWillBeImported_ThenCheckedAndCommittedThroughTheSameMapping()
    {
        var client = await AdminAsync();
        var accounts = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.CrmExports, "salesforce", "accounts.csv"));

        var upload = await UploadAsync(client, "customers", "accounts.csv", accounts, layout: "");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var mapUrl = upload.Headers.Location!.OriginalString;
        Assert.Contains("mapping=salesforce-accounts", mapUrl, StringComparison.Ordinal);
        var map = await client.GetStringAsync(mapUrl);

        Assert.Contains("data-testid=\"mapping-detected\"", map, StringComparison.Ordinal);
        Assert.Contains("industry (Industry)", map, StringComparison.Ordinal);
        var preview = Table(map, "mapping-preview");
        Assert.Contains("苏州华瑞精密制造有限公司", preview, StringComparison.Ordinal);
        Assert.Contains("<td class=\"small text-break\">manufacturing</td>", preview, StringComparison.Ordinal);
        Assert.Contains("2023-04-11T03:20:00Z", preview, StringComparison.Ordinal);

        var check = await PostMapAsync(client, mapUrl, map, "Check");
        var previewId = await FinishAsync(client, check);
        var details = await client.GetStringAsync($"/Imports/Details/{previewId}");
        Assert.Contains("data-testid=\"import-mapping\"", details, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db => db.Customers.CountAsync(c => c.ExternalId == "0015g0000003nJUAAY")));

        var commit = await PortalFactory.PostFormAsync(client, $"/Imports/Details/{previewId}?handler=Commit", new() { ["Mode"] = "AllOrNothing" },
            $"/Imports/Details/{previewId}");
        await FinishAsync(client, commit);
        Assert.Equal("manufacturing", await CountAsync(db => db.Customers.Where(c => c.ExternalId == "0015g0000003nJUAAY").Select(c => c.Industry).SingleAsync()));
    }

    [Fact]
    public async Task UnknownLayout_GetsAProposal_TheAdminFixesAValue_SavesIt_AndTheApiUsesItByName()
    {
        var client = await AdminAsync();
        var file = Encoding.UTF8.GetBytes("编号,姓名,部门,大区,岗位\nP-1,周敏,华东销售,East,销售\nP-2,吴刚,客服中心,East,客服专员\n");

        var upload = await UploadAsync(client, "reps", "员工.csv", file, layout: "");
        var mapUrl = upload.Headers.Location!.OriginalString;
        var map = await client.GetStringAsync(mapUrl);

        Assert.Contains("data-testid=\"mapping-proposed\"", map, StringComparison.Ordinal);
        Assert.Contains("<option value=\"编号\" selected=\"selected\">", map, StringComparison.Ordinal);
        Assert.Contains("role (岗位)", map, StringComparison.Ordinal);
        Assert.Contains("&#x27;客服专员&#x27; is not in the mapping", Table(map, "mapping-preview"), StringComparison.Ordinal);

        // The proposal could not place 客服专员; the Admin maps it to service, and saves the mapping.
        var fields = Fields(map);
        var from = fields.Single(f => f.Value == "客服专员" && f.Key.EndsWith(".From", StringComparison.Ordinal)).Key;
        var to = from.Replace(".From", ".To", StringComparison.Ordinal);
        var fixedValue = fields.Where(f => f.Key != to && f.Key != "SaveAs").Append(new(to, "service")).Append(new("SaveAs", "hr-export")).ToList();
        var saved = await PostAsync(client, mapUrl, fixedValue, "Save");
        var savedHtml = await saved.Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"mapping-saved\"", savedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("is not in the mapping", Table(savedHtml, "mapping-preview"), StringComparison.Ordinal);
        var api = TokenClient(factory, await CreateTokenAsync(factory, "hr-export"));
        var imported = await PostCsvAsync(api, "reps", Encoding.UTF8.GetString(file), "?mapping=hr-export");
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        Assert.Equal("Service", await CountAsync(db => db.Reps.Where(r => r.ExternalId == "P-2").Select(r => r.Role.ToString()).SingleAsync()));
    }

    [Fact]
    public async Task MappingNeedingAnotherFile_SaysSo_UntilItIsSentOnThePage()
    {
        var client = await AdminAsync();
        var cases = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.CrmExports, "salesforce", "cases.csv"));

        var upload = await UploadAsync(client, "service-cases", "cases.csv", cases, layout: "salesforce-cases");
        var mapUrl = upload.Headers.Location!.OriginalString;
        var map = await client.GetStringAsync(mapUrl);

        Assert.Contains("comments: Case comments (CaseComment)", map, StringComparison.Ordinal);
        Assert.Contains("send it too", map, StringComparison.Ordinal);

        var withComments = await PostAsync(client, mapUrl, Fields(map), "Preview",
            ("companion-comments", "case-comments.csv", await File.ReadAllBytesAsync(Path.Combine(RepoPaths.CrmExports, "salesforce", "case-comments.csv"))));
        var html = await withComments.Content.ReadAsStringAsync();

        Assert.DoesNotContain("send it too", html, StringComparison.Ordinal);
        Assert.Contains("2025-02-03T01:50:00Z", Table(html, "mapping-preview"), StringComparison.Ordinal);
        Assert.Contains("name=\"Companions[0].StoredFile\"", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// On a Chinese page the sentences the import back end composed are Chinese, their values as written: a mapping's
    /// problem on the mapping page, and a row's problem in the preview and in the check's report.
    /// </summary>
    [Fact]
    public async Task OnAChinesePage_AMappingsProblem_AndARowsProblem_AreInChinese()
    {
        await factory.EnsureUserAsync("mapper-zh@test.local", Roles.Admin);
        var client = await factory.SignInAsync("mapper-zh@test.local", PortalFactory.UserPassword);
        await PortalFactory.PostFormAsync(client, "/culture", new() { ["culture"] = "zh-Hans", ["returnUrl"] = "/" }, "/");
        var cases = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.CrmExports, "salesforce", "cases.csv"));
        var reps = Encoding.UTF8.GetBytes("编号,姓名,部门,大区,岗位\nZ-1,周敏,华东销售,East,销售\nZ-2,吴刚,客服中心,East,客服专员\n");

        var needsComments = await client.GetStringAsync((await UploadAsync(client, "service-cases", "cases.csv", cases, layout: "salesforce-cases")).Headers.Location!.OriginalString);
        var mapUrl = (await UploadAsync(client, "reps", "员工.csv", reps, layout: "")).Headers.Location!.OriginalString;
        var map = await client.GetStringAsync(mapUrl);
        var fields = Fields(map);
        var json = System.Text.Json.Nodes.JsonNode.Parse(fields.Single(f => f.Key == "Json").Value)!;
        json["timeZone"] = "Mars/Olympus";
        var inMarsTime = await (await PostAsync(client, mapUrl, [.. fields.Where(f => f.Key != "Json"), new("Json", json.ToJsonString())], "ApplyJson")).Content.ReadAsStringAsync();
        var reportId = await FinishAsync(client, await PostMapAsync(client, mapUrl, map, "Check"));
        var report = Table(await client.GetStringAsync($"/Imports/Details/{reportId}"), "import-problems");

        Assert.Contains("映射 salesforce-cases 还要读取文件 comments: Case comments (CaseComment)：请一并发送。", needsComments, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"mapping-problems\".*“Mars/Olympus”不是时区", inMarsTime.ReplaceLineEndings(" "));
        Assert.DoesNotContain("send it too", needsComments, StringComparison.Ordinal);
        Assert.Contains("“客服专员”不在映射的值列表中", Table(map, "mapping-preview"), StringComparison.Ordinal);
        Assert.Contains("“客服专员”不在映射的值列表中", report, StringComparison.Ordinal);
        Assert.DoesNotContain("is not in the mapping", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapPage_RefusesATokenItDidNotMake()
    {
        var client = await AdminAsync();

        var response = await client.GetAsync("/Imports/Map?upload=..%2Fdata.db&name=x.csv&kind=reps");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void PresetAndCompanionTitles_HaveChineseTranslations()
    {
        var translations = Directory.GetFiles(Path.Combine(RepoPaths.WebProject, "Resources", "zh-Hans"), "*.json")
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!.Keys).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(MappingPresets.All.Where(p => p.Title is null || !translations.Contains(p.Title)).Select(p => p.Name));
        Assert.Empty(MappingPresets.All.SelectMany(p => p.Companions.Where(c => c.Title is null || !translations.Contains(c.Title)).Select(c => $"{p.Name}: {c.Name}")));
    }

    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureUserAsync("mapper@test.local", Roles.Admin);
        return await factory.SignInAsync("mapper@test.local", PortalFactory.UserPassword);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string fileName, byte[] content, string layout)
    {
        var token = await PortalFactory.AntiforgeryTokenAsync(client, "/Imports/Upload");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Input.Kind" },
            { new StringContent(layout), "Input.Layout" },
            { new StringContent("AllOrNothing"), "Input.Mode" },
            { new ByteArrayContent(content), "Input.File", fileName },
        };
        return await client.PostAsync("/Imports/Upload", form);
    }

    /// <summary>Posts the mapping form back as it is shown, to the given handler.</summary>
    private static Task<HttpResponseMessage> PostMapAsync(HttpClient client, string mapUrl, string html, string handler) =>
        PostAsync(client, mapUrl, Fields(html), handler);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string mapUrl, List<KeyValuePair<string, string>> fields, string handler,
        params (string Field, string FileName, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        foreach (var (field, fileName, content) in files)
        {
            form.Add(new ByteArrayContent(content), field, fileName);
        }

        var path = mapUrl.Split('?')[0];
        return await client.PostAsync($"{path}?handler={handler}", form);
    }

    /// <summary>The fields of the mapping form as a browser would post them: hidden and text inputs, selected options, the textarea.</summary>
    private static List<KeyValuePair<string, string>> Fields(string html)
    {
        var form = FormMarkup().Match(html).Value;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in Input().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null || Attribute(tag, "type") is "file" or "submit")
            {
                continue;
            }

            fields.Add(new(name, WebUtility.HtmlDecode(Attribute(tag, "value") ?? string.Empty)));
        }

        foreach (Match select in Select().Matches(form))
        {
            var chosen = Regex.Match(select.Groups[2].Value, "<option value=\"([^\"]*)\" selected=\"selected\">");
            fields.Add(new(WebUtility.HtmlDecode(select.Groups[1].Value), WebUtility.HtmlDecode(chosen.Success ? chosen.Groups[1].Value : string.Empty)));
        }

        var json = TextArea().Match(form);
        fields.Add(new("Json", WebUtility.HtmlDecode(json.Groups[1].Value)));
        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static string Table(string html, string testId) =>
        Regex.Match(html, $"<table[^>]*data-testid=\"{testId}\"[^>]*>.*?</table>", RegexOptions.Singleline).Value;

    private static async Task<string> FinishAsync(HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var html = await client.GetStringAsync(redirect.Headers.Location!.OriginalString);
        var jobUrl = Regex.Match(html, "data-import-progress=\"([^\"]+)\"").Groups[1].Value;
        var job = await WaitForJobAsync(client, jobUrl);
        return job.GetProperty("importId").GetString()!;
    }

    private async Task<T> CountAsync<T>(Func<KnowledgeKaizenDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>());
    }

    [GeneratedRegex("<form method=\"post\" enctype=\"multipart/form-data\" data-testid=\"mapping-form\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormMarkup();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<textarea[^>]*name=\"Json\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();
}
