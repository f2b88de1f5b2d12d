namespace KnowledgeKaizen.Browser.Tests.Knowledge;

/// <summary>The side-by-side diff as a reader sees it: coloured lines, headers apart, text columns wide enough to read code.</summary>
[Collection(ReadingCollection.Name)]
public sealed class RevisionDiffBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task DiffCells_HaveDistinctColours_HeadersStayApart_AndTextColumnsHoldALineOfCode()
    {
        var id = await ContentScenario.PublishedDocumentAsync(fixture.Server.Services, DocumentKind.Procedure, "Credit check",
            "Ask for the tax number.\nOld step that goes away.\nCheck the credit limit.\nSend the summary.\n");
        await ContentScenario.ReviseAsync(fixture.Server.Services, id,
            "Ask for the tax number.\nCheck the credit limit.\nSend the summary.\nvar limit = customer.CreditLimit ?? defaults.CreditLimitForNewCustomers; // seventy-plus chars\n");
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);

        await Artifacts.CaptureOnFailureAsync(page, nameof(DiffCells_HaveDistinctColours_HeadersStayApart_AndTextColumnsHoldALineOfCode), async () =>
        {
            await SignIn.AsAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.GotoAsync($"/Knowledge/Diff/{id}?from=1&to=2");
            var diff = page.GetByTestId("diff");
            await Assertions.Expect(diff).ToBeVisibleAsync();

            var colours = new Dictionary<string, string>();
            foreach (var kind in new[] { "Unchanged", "Deleted", "Inserted" })
            {
                colours[kind] = await diff.Locator($"td[data-kind={kind}]").First.EvaluateAsync<string>("cell => getComputedStyle(cell).backgroundColor");
            }

            Assert.Equal(3, colours.Values.Distinct().Count());
            Assert.All(colours.Where(c => c.Key != "Unchanged"), c => Assert.NotEqual("rgba(0, 0, 0, 0)", c.Value));

            var headers = diff.Locator("thead th");
            var left = (await headers.Nth(0).BoundingBoxAsync())!;
            var right = (await headers.Nth(1).BoundingBoxAsync())!;
            Assert.True(left.X + left.Width <= right.X + 0.5, $"The headers overlap: {left.X}+{left.Width} > {right.X}.");

            var code = diff.Locator("td[data-kind=Inserted]").Last;
            var characters = await code.EvaluateAsync<double>("""
                cell => {
                  const context = document.createElement('canvas').getContext('2d');
                  context.font = getComputedStyle(cell).font;
                  return cell.clientWidth / context.measureText('x').width;
                }
                """);
            Assert.True(characters >= 60, $"A text column holds only {characters:0} characters at 1280 px.");
        });
    }
}
