namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// Every stylesheet and script a page names is served under a fingerprinted name, compressed (Content-Encoding) and
/// cacheable for a year; the 3 MB diagram renderer is never a script tag of a page, only fetched where a diagram is.
/// </summary>
public sealed partial class StaticAssetsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task EveryStaticFileAPageNames_IsFingerprintedCompressedAndCachedForAYear()
    {
        var id = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Procedure, "Refund approval",
            "```mermaid\nflowchart TD\n  A[Request] --> B[Approve]\n```\n");
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var assets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in new[] { "/Account/Login", "/", $"/Knowledge/Details/{id}", "/Courses" })
        {
            var html = await admin.GetStringAsync(page);
            assets.UnionWith(AssetReference().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)));
        }

        Assert.Contains(assets, a => a.StartsWith("/lib/mermaid/mermaid.min.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/css/site.", StringComparison.Ordinal));
        var anonymous = factory.CreateBrowserlessClient();
        foreach (var asset in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");
            using var response = await anonymous.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            Assert.Matches(Fingerprinted(), asset);
            Assert.Contains(response.Content.Headers.ContentEncoding.Single(), new[] { "gzip", "br" });
            Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task NoPage_LoadsTheDiagramRendererAsAScriptTag()
    {
        var id = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Playbook, "Short answer", "No diagram here.");
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        foreach (var page in new[] { $"/Knowledge/Details/{id}", "/Knowledge/Edit?kind=playbook" })
        {
            var html = await admin.GetStringAsync(page);
            Assert.DoesNotMatch("<script[^>]*(?<![-\\w])src=\"[^\"]*mermaid", html);
            Assert.Matches("<script src=\"/js/diagrams\\.[a-z0-9]+\\.js\" data-mermaid-src=\"/lib/mermaid/mermaid\\.min\\.[a-z0-9]+\\.js\"", html);
        }
    }

    [GeneratedRegex("(?:href|src|data-mermaid-src)=\"(?<url>/(?:css|js|lib)/[^\"]+\\.(?:css|js))\"")]
    private static partial Regex AssetReference();

    [GeneratedRegex(@"\.[a-z0-9]{8,}\.(css|js)$")]
    private static partial Regex Fingerprinted();
}
