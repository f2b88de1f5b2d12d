using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeKaizen.Browser.Tests.Infrastructure;
using KnowledgeKaizen.Core.Identity;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace KnowledgeKaizen.Browser.Tests.Layout;

/// <summary>
/// Every page each role may open, in English and Chinese, at the widths people use (a phone to a large monitor): the
/// page never scrolls sideways, the search box (at least 160 px wide), the language switch, the bell and the user menu
/// are on screen, the menus are on screen or one tap away, and no label of the top bar wraps. And axe-core finds no
/// critical or serious accessibility problem on any page for any role.
/// </summary>
[Collection(LayoutCollection.Name)]
public sealed class PortalLayoutTests(LayoutFixture fixture, ITestOutputHelper output)
{
    private const int MinSearchWidth = 160;
    private const int MenuBreakpoint = 1200;

    [Fact]
    public async Task EveryPage_ForEveryRole_FitsEveryWidth_InEnglishAndChinese()
    {
        var views = await fixture.PageViewsAsync();
        var problems = new List<(string Kind, string Text)>();
        foreach (var view in views.Measurements)
        {
            foreach (var problem in Problems(view.Measured, view.Width))
            {
                problems.Add((Regex.Replace(problem, "[\\d.]+|\"[^\"]*\"", "#") + $" at {view.Width} px", $"{view.Url} as {view.Role} ({view.Locale}) at {view.Width} px: {problem}"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{views.Loads} page loads × {PageViews.Widths.Length} widths (and axe on the English ones) in {views.Elapsed.TotalSeconds:0.0} s"));
        // Per kind of problem and width: how many page views show it, and the first few of them.
        Assert.True(problems.Count == 0, $"{problems.Count} layout problems:\n" + string.Join("\n", problems.GroupBy(p => p.Kind).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} on {g.Count()} page views, e.g.\n  " + string.Join("\n  ", g.Select(p => p.Text).Order(StringComparer.Ordinal).Take(6)))));
        Assert.Equal(views.Loads * PageViews.Widths.Length, views.Measurements.Count);
        Assert.True(views.Loads >= 80, $"only {views.Loads} pages were measured");
    }

    [Fact]
    public async Task EveryPage_SignedInAsEachRole_HasNoCriticalOrSeriousAccessibilityViolation()
    {
        var views = await fixture.PageViewsAsync();
        var problems = new List<(string Rule, string Text)>();
        foreach (var check in views.AxeChecks)
        {
            foreach (var violation in check.Result.Violations.Where(v => v.Impact is "critical" or "serious"))
            {
                problems.Add((violation.Id, $"{check.Url} as {check.Role}: {violation.Impact} {violation.Id} ({violation.Help}) at "
                    + string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"axe on {views.AxeChecks.Count} pages (during the layout visits, {views.Elapsed.TotalSeconds:0.0} s in all)"));
        // Per rule: how many page views break it, and the first few of them.
        Assert.True(problems.Count == 0, $"{problems.Count} violations:\n" + string.Join("\n", problems.GroupBy(p => p.Rule).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} on {g.Count()} page views, e.g.\n  " + string.Join("\n  ", g.Select(p => p.Text).Order(StringComparer.Ordinal).Take(4)))));
        Assert.Equal(fixture.EachPageOnce().Count, views.AxeChecks.Count);
    }

    [Fact]
    public async Task OnAPhone_SearchResultsComeFirst_AndTheFiltersOpenOnRequest()
    {
        var page = await fixture.Context(Roles.Staff, LayoutFixture.Locales[0]).NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(page, nameof(OnAPhone_SearchResultsComeFirst_AndTheFiltersOpenOnRequest), async () =>
        {
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/Search?q=customer");
            var hit = page.GetByTestId("search-hit").First;
            await Assertions.Expect(hit).ToBeVisibleAsync();
            var filters = page.Locator("#search-filters");
            await Assertions.Expect(filters).ToBeHiddenAsync();
            await page.GetByTestId("filters-toggle").ClickAsync();
            await Assertions.Expect(filters).ToBeVisibleAsync();

            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync("/Search?q=customer");
            await Assertions.Expect(page.Locator("#search-filters")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("filters-toggle")).ToBeHiddenAsync();
        });
        await page.CloseAsync();
    }

    [Fact]
    public async Task OnAPhone_TheMenusAreOneTapAway()
    {
        var page = await fixture.Context(Roles.Admin, LayoutFixture.Locales[1]).NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(page, nameof(OnAPhone_TheMenusAreOneTapAway), async () =>
        {
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/MyWork");
            await Assertions.Expect(page.GetByTestId("menu-admin")).ToBeHiddenAsync();
            await page.GetByTestId("menu-toggle").ClickAsync();

            // The menu slides open; on a loaded machine a click during the slide can land before the menu is usable.
            await Assertions.Expect(page.Locator("#mainNav")).ToHaveClassAsync(new Regex(@"\bshow\b"));
            await page.GetByTestId("menu-admin").ClickAsync();
            await Assertions.Expect(page.GetByTestId("menu-admin")).ToHaveAttributeAsync("aria-expanded", "true");
            await page.GetByRole(AriaRole.Link, new() { Name = "用户" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Admin/Users"));
        });
        await page.CloseAsync();
    }

    private static IEnumerable<string> Problems(JsonElement measured, int width)
    {
        var scroll = measured.GetProperty("scroll").GetDouble();
        var viewport = measured.GetProperty("width").GetDouble();
        if (scroll > viewport)
        {
            yield return $"scrolls sideways ({scroll} > {viewport}) because of {string.Join(", ", measured.GetProperty("culprits").EnumerateArray().Select(c => c.GetString()))}";
        }

        var controls = measured.GetProperty("controls");
        foreach (var name in new[] { "search", "language", "bell", "user" })
        {
            var box = controls.GetProperty(name);
            if (box.ValueKind == JsonValueKind.Null)
            {
                yield return $"no {name} control shown";
            }
            else if (box.GetProperty("left").GetDouble() < 0 || box.GetProperty("right").GetDouble() > viewport + 0.5)
            {
                yield return $"{name} control off screen ({box.GetProperty("left").GetDouble()}–{box.GetProperty("right").GetDouble()})";
            }
            else if (name == "search" && box.GetProperty("width").GetDouble() < MinSearchWidth)
            {
                yield return $"search box only {box.GetProperty("width").GetDouble()} px wide";
            }
        }

        var menus = controls.GetProperty("menus").EnumerateArray().ToList();
        if (width >= MenuBreakpoint)
        {
            foreach (var menu in menus.Where(m => m.ValueKind == JsonValueKind.Null || m.GetProperty("right").GetDouble() > viewport + 0.5))
            {
                yield return "a menu is not on screen";
            }
        }
        else if (menus.Count > 0 && (controls.GetProperty("toggle").ValueKind == JsonValueKind.Null || controls.GetProperty("toggle").GetProperty("right").GetDouble() > viewport + 0.5))
        {
            yield return "the menu button is not on screen";
        }

        foreach (var label in measured.GetProperty("wrapped").EnumerateArray())
        {
            yield return $"top-bar label wraps: \"{label.GetString()}\"";
        }
    }
}
