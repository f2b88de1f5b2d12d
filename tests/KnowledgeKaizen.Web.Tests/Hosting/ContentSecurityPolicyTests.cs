using Microsoft.AspNetCore.Routing;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// Styles live in wwwroot/css: no page markup or script of ours sets a style, so the Content-Security-Policy
/// allows no inline style — except on the pages that run Mermaid, which writes its own.
/// </summary>
public sealed partial class ContentSecurityPolicyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task OrdinaryPages_AllowNoInlineStyle()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        foreach (var url in new[] { "/Account/Login", "/", "/Courses", "/Admin/SearchIndex" })
        {
            var response = await admin.GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OnlyThePagesThatDrawDiagrams_AllowInlineStyles()
    {
        var diagramPages = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<DrawsDiagramsAttribute>() is not null)
            .Select(e => e.RoutePattern.RawText)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["Courses/Handout/{id:int}", "Courses/Learn/{id:int}", "Knowledge/Details/{id:int}", "Knowledge/Edit/{id:int?}"], diagramPages);

        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var editor = await admin.GetAsync("/Knowledge/Edit?kind=playbook");
        Assert.Contains("style-src 'self' 'unsafe-inline';", editor.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", editor.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public void NoPageMarkup_CarriesAStyle()
    {
        var offenders = SourceFiles("*.cshtml")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => StyleInMarkup().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepoPaths.WebProject, l.File)}:{l.Line}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void NoScriptOfOurs_SetsAStyle()
    {
        var scripts = Path.Combine(RepoPaths.WebProject, "wwwroot", "js");
        var offenders = Directory.EnumerateFiles(scripts, "*.js", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => StyleInScript().IsMatch(l.Text))
            .Select(l => $"{Path.GetFileName(l.File)}:{l.Line}")
            .ToList();

        Assert.NotEmpty(Directory.GetFiles(scripts, "*.js"));
        Assert.Empty(offenders);
    }

    private static IEnumerable<string> SourceFiles(string pattern)
    {
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(RepoPaths.WebProject, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"<style[\s>]|\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleInMarkup();

    [GeneratedRegex(@"\.style\b|cssText|setAttribute\(\s*['""]style['""]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleInScript();
}
