using System.IO.Compression;
using AngleSharp.Html.Parser;

namespace KnowledgeKaizen.Web.Tests.Knowledge;

/// <summary>The editor API, uploads, the shipped library, the export and hostile Markdown on real pages.</summary>
public sealed class KnowledgeApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
    ];

    [Fact]
    public async Task Preview_RendersWithTheServerPipeline()
    {
        var client = await ContributorAsync();

        var response = await PostJsonAsync(client, "/api/v1/markdown/preview", new { markdown = "### 1. Step {#step-1}\n\n<script>alert(1)</script>" });

        var html = (await response.Content.ReadFromJsonAsync<PreviewResponse>())!.Html;
        Assert.Contains("<h3 id=\"step-1\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WithoutAntiforgeryHeader_IsRejected()
    {
        var client = await ContributorAsync();
        client.DefaultRequestHeaders.Remove(PortalFactory.RequestTokenHeader);

        var response = await client.PostAsJsonAsync("/api/v1/markdown/preview", new { markdown = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Preview_OversizedDocument_IsRejectedWithAMessage()
    {
        var client = await ContributorAsync();

        var response = await PostJsonAsync(client, "/api/v1/markdown/preview", new { markdown = new string('x', 200_001) });

        Assert.Contains("longer than 200000 characters", await response.BodyAsync(HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageUpload_Png_IsStoredAndServedAsPng()
    {
        var client = await ContributorAsync();

        var response = await UploadAsync(client, Png, "diagram.png");

        response.EnsureSuccessStatusCode();
        var url = (await response.Content.ReadFromJsonAsync<UploadResponse>())!.Url;
        var image = await client.GetAsync(url);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ImageUpload_SvgNamedPng_IsRefused()
    {
        var client = await ContributorAsync();

        var response = await UploadAsync(client, "<svg onload=alert(1)></svg>"u8.ToArray(), "evil.png");

        Assert.Contains("PNG, JPEG, GIF and WebP", await response.BodyAsync(HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageUpload_Oversized_IsRefusedWithAMessage()
    {
        var client = await ContributorAsync();
        var big = new byte[(5 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);

        var response = await UploadAsync(client, big, "big.png");

        Assert.Contains("5 MB", await response.BodyAsync(HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autosave_StoresTheDraft_AndTheEditorOffersIt()
    {
        var client = await ContributorAsync();

        var response = await PostJsonAsync(client, "/api/v1/knowledge/autosave", new { slot = "new-playbook", title = "Half written", body = "unsaved thoughts" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var editor = await client.GetStringAsync("/Knowledge/Edit?kind=playbook");
        Assert.Contains("data-testid=\"autosave-found\"", editor, StringComparison.Ordinal);
        Assert.Contains("unsaved thoughts", editor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShippedLibrary_IsImported_WithStepAnchorsAndDiagrams()
    {
        await factory.EnsureUserAsync("staff@api.test", Roles.Staff);
        var staff = await factory.SignInAsync("staff@api.test", PortalFactory.UserPassword);
        var list = await staff.GetStringAsync("/Procedures/Index?language=en&stage=discover");
        Assert.Contains("Discovery visit", list, StringComparison.Ordinal);

        var id = KnowledgeFlowTests.FirstDetailsId(list);
        var page = await staff.GetStringAsync($"/Knowledge/Details/{id}");
        Assert.Contains("id=\"step-3\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"mermaid\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"improved-by\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminExport_IsAZipOfTheLibrary_AndTheImportReportIsShown()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var library = await admin.GetStringAsync("/Knowledge/Library");
        var export = await admin.GetAsync("/Knowledge/Library?handler=Export");

        Assert.Contains("data-testid=\"import-counts\"", library, StringComparison.Ordinal);
        Assert.Equal("application/zip", export.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.FullName == "playbooks/two-visit-discovery.zh.md");
        Assert.True(zip.Entries.Count >= 38);
    }

    [Fact]
    public async Task HostileMarkdown_OnTheDetailsPage_ProducesNoScriptableMarkup()
    {
        await factory.EnsureUserAsync("km@api.test", Roles.KnowledgeManager);
        var manager = await factory.SignInAsync("km@api.test", PortalFactory.UserPassword);
        var body = string.Join("\n\n", XssCorpus.Vectors);
        var id = await KnowledgeClient.CreatePlaybookAsync(manager, "Hostile", body);

        var html = await manager.GetStringAsync($"/Knowledge/Details/{id}");

        var article = new HtmlParser().ParseDocument(html).QuerySelector("[data-testid=document-body]")!;
        Assert.Empty(article.QuerySelectorAll("script, iframe, object, embed, svg, math, style, form, base, meta, link"));
        foreach (var element in article.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style");
            Assert.False(element.GetAttribute("href")?.Trim().StartsWith("javascript", StringComparison.OrdinalIgnoreCase) ?? false);
            Assert.False(element.GetAttribute("src")?.Trim().StartsWith("data", StringComparison.OrdinalIgnoreCase) ?? false);
        }
    }

    private async Task<HttpClient> ContributorAsync()
    {
        await factory.EnsureUserAsync("writer@api.test", Roles.Contributor);
        return await factory.SignInAsync("writer@api.test", PortalFactory.UserPassword);
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body)
    {
        var token = await PortalFactory.AntiforgeryTokenAsync(client, "/Knowledge/Edit?kind=playbook");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name)
    {
        var token = await PortalFactory.AntiforgeryTokenAsync(client, "/Knowledge/Edit?kind=playbook");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "image", name } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/knowledge/images") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    private sealed record PreviewResponse(string Html);

    private sealed record UploadResponse(string Url, string Markdown);
}
