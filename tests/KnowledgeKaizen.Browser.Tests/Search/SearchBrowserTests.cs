using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Browser.Tests.Search;

/// <summary>The shipped content/ documents are indexed on start; a reader finds them from the top bar and the search page.</summary>
public sealed class SearchBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Reader_GetsTypeAhead_FiltersByType_SeesHighlights_AndOpensAResult()
    {
        // The shipped documents are indexed in the background on start: wait for them through the index itself.
        var index = fixture.Server.Services.GetRequiredService<ISearchIndex>();
        await Eventually.TrueAsync("the start-up indexing to offer suggestions for 'discov'",
            () => index.Suggest("discov", 1, SearchReader.Unrestricted).Count > 0);
        var page = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(page, nameof(Reader_GetsTypeAhead_FiltersByType_SeesHighlights_AndOpensAResult), async () =>
        {
            await SignIn.AsAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            // The home page has its own large search box; every other page has the top bar's.
            await page.GotoAsync("/Playbooks/Index");

            // Type-ahead in the top bar: a listbox of titles, reachable with the keyboard.
            var box = page.GetByTestId("nav-search").GetByRole(AriaRole.Combobox);
            await box.PressSequentiallyAsync("discov");
            await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToContainTextAsync("iscover");
            await box.PressAsync("ArrowDown");
            await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", new Regex("search-suggest-"));
            await box.PressAsync("Escape");

            // The search page: a type filter narrows the results and matches are highlighted.
            await page.GotoAsync("/Search?q=discovery");
            await Assertions.Expect(page.GetByTestId("search-hit").First).ToBeVisibleAsync();
            await page.GetByTestId("facet-type").GetByLabel("Procedure").CheckAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("type=procedure"));
            var hits = page.GetByTestId("search-hit");
            await Assertions.Expect(hits.First).ToBeVisibleAsync();
            foreach (var type in await hits.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.type)"))
            {
                Assert.Equal("procedure", type);
            }

            await Assertions.Expect(hits.First.Locator("mark").First).ToBeVisibleAsync();
            await hits.First.GetByTestId("search-hit-link").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Knowledge/Details/\\d+"));
        });
    }
}
