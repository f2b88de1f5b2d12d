using KnowledgeKaizen.Browser.Tests.Infrastructure;
using KnowledgeKaizen.Testing;
using Microsoft.Playwright;

namespace KnowledgeKaizen.Browser.Tests.Search;

/// <summary>The shipped content/ documents are indexed on start; a reader finds them from the top bar and the search page.</summary>
public sealed class SearchBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task Reader_GetsTypeAhead_FiltersByType_SeesHighlights_AndOpensAResult()
    {
        var page = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(page, nameof(Reader_GetsTypeAhead_FiltersByType_SeesHighlights_AndOpensAResult), async () =>
        {
            await SignIn.AsAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

            // Type-ahead in the top bar: a listbox of titles, reachable with the keyboard.
            var box = page.GetByTestId("nav-search").GetByRole(AriaRole.Combobox);
            // The index is rebuilt in the background on start; retype until suggestions come.
            var options = page.GetByRole(AriaRole.Option);
            for (var attempt = 0; attempt < 40 && await options.CountAsync() == 0; attempt++)
            {
                await box.FillAsync("");
                await box.PressSequentiallyAsync("discov");
                await page.WaitForTimeoutAsync(500);
            }

            await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToContainTextAsync("iscover");
            await box.PressAsync("ArrowDown");
            await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", new System.Text.RegularExpressions.Regex("search-suggest-"));
            await box.PressAsync("Escape");

            // The search page: a type filter narrows the results and matches are highlighted.
            await page.GotoAsync("/Search?q=discovery");
            await Assertions.Expect(page.GetByTestId("search-hit").First).ToBeVisibleAsync(Patiently);
            await page.GetByTestId("facet-type").GetByLabel("Procedure").CheckAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("type=procedure"));
            var hits = page.GetByTestId("search-hit");
            await Assertions.Expect(hits.First).ToBeVisibleAsync();
            foreach (var type in await hits.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.type)"))
            {
                Assert.Equal("procedure", type);
            }

            await Assertions.Expect(hits.First.Locator("mark").First).ToBeVisibleAsync();
            await hits.First.GetByTestId("search-hit-link").ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Knowledge/Details/\\d+"));
        });
    }
}
