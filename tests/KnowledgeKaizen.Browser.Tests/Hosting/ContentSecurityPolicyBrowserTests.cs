using KnowledgeKaizen.Browser.Tests.Sweep;

namespace KnowledgeKaizen.Browser.Tests.Hosting;

/// <summary>
/// The portal with the demo data, every page in both languages (the <see cref="PageSweep"/>): no page —
/// charts, heatmap, interval bars, sparklines, progress bars included — breaks the Content-Security-Policy, which allows
/// no inline style outside the pages that draw Mermaid diagrams; and those still draw them.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(DemoDataBrowserFixture fixture)
{
    [Fact]
    public async Task EveryPage_ForEveryRole_RendersWithoutAPolicyViolation()
    {
        var sweep = await fixture.SweepAsync();
        var violations = sweep.Visits.SelectMany(v => v.Violations.Select(violation => $"{v}: {violation}")).ToList();
        Assert.True(violations.Count == 0, "Policy violations:\n" + string.Join("\n", violations.Distinct().Take(100)));
        // The dynamic parts were on the pages read: interval bars of the findings, a rep's page, the sparkline of a cluster.
        Assert.Contains(sweep.Visits, v => v.Pattern.StartsWith("/Insights/Performance/", StringComparison.Ordinal));
        Assert.Contains(sweep.Visits, v => v.Pattern.StartsWith("/Insights/Reps/", StringComparison.Ordinal));
        Assert.Contains(sweep.Visits, v => v.Pattern == "/Improvement/Problems");
    }

    [Fact]
    public async Task AProcedurePage_StillDrawsItsDiagram()
    {
        var id = await fixture.Server.WithDbAsync(db => db.KnowledgeDocuments.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.Procedure && d.Slug == "discovery-visit" && d.Language == "en")
            .Select(d => d.Id).SingleAsync());
        var page = await fixture.NewPageAsync();
        await page.AddInitScriptAsync(PageSweep.ViolationProbe);

        await Artifacts.CaptureOnFailureAsync(page, nameof(AProcedurePage_StillDrawsItsDiagram), async () =>
        {
            await SignIn.AsAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.GotoAsync($"/Knowledge/Details/{id}");
            await Assertions.Expect(page.Locator(".mermaid svg").First).ToBeVisibleAsync();
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__kkViolations"));
        });
    }
}
