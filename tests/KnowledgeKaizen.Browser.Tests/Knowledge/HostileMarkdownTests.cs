namespace KnowledgeKaizen.Browser.Tests.Knowledge;

/// <summary>
/// Every payload of the XSS corpus, saved in one playbook and shown in the editor preview and on the
/// published page: the test fails if a dialog opens, a page error occurs, or script is even attempted
/// (a CSP script violation means sanitising let something through that only the CSP stopped).
/// </summary>
public sealed class HostileMarkdownTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string ViolationProbe = """
        window.__kkViolations = [];
        document.addEventListener('securitypolicyviolation', e => {
          if (e.effectiveDirective.startsWith('script-src')) { window.__kkViolations.push(e.effectiveDirective + ' ' + e.blockedURI); }
        });
        """;

    [Fact]
    public async Task XssCorpus_NeverRunsScript_InPreviewOrOnThePage()
    {
        await fixture.Server.EnsureUserAsync("mallory@xss.test", "Contributor");
        var page = await fixture.NewPageAsync();
        var problems = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            problems.Add("dialog: " + dialog.Message);
            _ = dialog.DismissAsync();
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        await page.AddInitScriptAsync(ViolationProbe);

        await Artifacts.CaptureOnFailureAsync(page, nameof(XssCorpus_NeverRunsScript_InPreviewOrOnThePage), async () =>
        {
            await SignIn.AsAsync(page, "mallory@xss.test", PortalFactory.UserPassword);
            var body = "## Payloads\n\n" + string.Join("\n\n", XssCorpus.Vectors) +
                       "\n\n```mermaid\nflowchart LR\n  A[\"<img src=x onerror=alert(1)>\"] --> B\n```\n";
            await page.GotoAsync("/Knowledge/Edit?kind=playbook");
            await page.GetByTestId("title").FillAsync("Hostile payloads");
            await EditorPage.SetBodyAsync(page, body);
            await page.Locator(".editor-toolbar button.preview").ClickAsync();
            await SettledAsync(page, page.Locator(".editor-preview-active"));
            await AssertNothingRanAsync(page, problems);

            await EditorPage.SaveAsync(page);
            await page.Locator(".mermaid svg").First.WaitForAsync();
            await SettledAsync(page, page.GetByTestId("document-body"));
            await AssertNothingRanAsync(page, problems);
        });
    }

    /// <summary>
    /// Waits for the end of everything the payloads could set off, not for a time: the rendered text is shown,
    /// every image has finished loading or failing (a browser fires an image's error handler in the same task that
    /// marks it complete), and one more task has run after those already queued (violation reports, dialogs).
    /// </summary>
    private static async Task SettledAsync(IPage page, ILocator rendered)
    {
        await Assertions.Expect(rendered).ToContainTextAsync("Payloads");
        await page.WaitForFunctionAsync("() => Array.from(document.images).every(image => image.complete)");
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve))");
    }

    private static async Task AssertNothingRanAsync(IPage page, List<string> problems)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__kkViolations");
        Assert.Empty(problems);
        Assert.Empty(violations);
        Assert.Equal(0, await page.Locator("[data-testid=document-body] script, .editor-preview script, [onerror], [onload], [onclick]").CountAsync());
    }
}
