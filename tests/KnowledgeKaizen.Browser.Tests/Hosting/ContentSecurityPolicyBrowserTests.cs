using System.Text.RegularExpressions;
using KnowledgeKaizen.Browser.Tests.Infrastructure;
using KnowledgeKaizen.Browser.Tests.PerformerDetection;
using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Core.Knowledge;
using KnowledgeKaizen.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KnowledgeKaizen.Browser.Tests.Hosting;

/// <summary>
/// The portal with the demo data, crawled as an Admin from the home page: no page — charts, heatmap, interval
/// bars, sparklines, progress bars included — breaks the Content-Security-Policy, which allows no inline style
/// outside the pages that draw Mermaid diagrams; and those still draw them.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed partial class ContentSecurityPolicyBrowserTests(DemoDataBrowserFixture fixture)
{
    private const int MaxPages = 120;

    private const string ViolationProbe = """
        window.__kkViolations = [];
        document.addEventListener('securitypolicyviolation', e => {
          window.__kkViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
        });
        """;

    [Fact]
    public async Task EveryPageReachableFromTheMenu_RendersWithoutAPolicyViolation()
    {
        // Findings (interval bars) and a recurring-problem cluster (sparkline) make the dynamic parts appear.
        await fixture.Server.SnapshotAsync();
        await fixture.Server.WithDbAsync(async db =>
        {
            db.ProblemClusters.Add(new ProblemCluster(Guid.NewGuid(), 1, "invoice", ["invoice", "发票"], 30,
                ["2026-08=10", "2026-09=5", "2026-10=15"], ["The invoice was wrong."], DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var page = await fixture.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.AddInitScriptAsync(ViolationProbe);

        var visited = new List<string>();
        await Artifacts.CaptureOnFailureAsync(page, nameof(EveryPageReachableFromTheMenu_RendersWithoutAPolicyViolation), async () =>
        {
            await SignIn.AsAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            var queue = new Queue<string>(["/", "/Improvement/Problems", "/Insights/Performance"]);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (queue.Count > 0 && visited.Count < MaxPages)
            {
                var url = queue.Dequeue();
                if (!seen.Add(Shape(url)))
                {
                    continue;
                }

                await page.GotoAsync(url);
                visited.Add(url);
                violations.AddRange((await page.EvaluateAsync<string[]>("() => window.__kkViolations")).Select(v => $"{url}: {v}"));
                foreach (var link in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)"))
                {
                    if (Crawlable(link, fixture.BaseUrl) is { } next)
                    {
                        queue.Enqueue(next);
                    }
                }
            }
        });

        Assert.True(violations.Count == 0, "Policy violations:\n" + string.Join("\n", violations.Distinct()));
        Assert.True(visited.Count >= 30, $"Only {visited.Count} pages were reached: " + string.Join(", ", visited));
        Assert.Contains(visited, u => u.StartsWith("/Insights/Performance/", StringComparison.Ordinal));
        Assert.Contains(visited, u => u.StartsWith("/Insights/Reps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProcedurePage_StillDrawsItsDiagram()
    {
        var id = await fixture.Server.WithDbAsync(db => db.KnowledgeDocuments.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.Procedure && d.Slug == "discovery-visit" && d.Language == "en")
            .Select(d => d.Id).SingleAsync());
        var page = await fixture.NewPageAsync();
        await page.AddInitScriptAsync(ViolationProbe);

        await Artifacts.CaptureOnFailureAsync(page, nameof(AProcedurePage_StillDrawsItsDiagram), async () =>
        {
            await SignIn.AsAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.GotoAsync($"/Knowledge/Details/{id}");
            await Assertions.Expect(page.Locator(".mermaid svg").First).ToBeVisibleAsync();
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__kkViolations"));
        });
    }

    /// <summary>Same-origin page links only: no downloads or handlers (CSV, exports), no API, no click logging.</summary>
    private static string? Crawlable(string href, string origin)
    {
        if (!href.StartsWith(origin + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var path = href[origin.Length..].Split('#')[0];
        return path.Contains("handler=", StringComparison.OrdinalIgnoreCase)
               || path.StartsWith("/api/", StringComparison.Ordinal)
               || path.StartsWith("/Search/Go", StringComparison.Ordinal)
               || path.StartsWith("/lib/", StringComparison.Ordinal)
               || path.Length == 0
            ? null
            : path;
    }

    /// <summary>One visit per kind of page: ids, what follows them and query strings (filters, sorting) make no new kind.</summary>
    private static string Shape(string url) => string.Join('/', Digits().Replace(url.Split('?')[0], "#").Split('/').Take(4));

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
