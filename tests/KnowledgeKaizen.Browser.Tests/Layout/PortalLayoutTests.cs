using System.Text.Json;
using KnowledgeKaizen.Browser.Tests.Sweep;
using Xunit.Abstractions;

namespace KnowledgeKaizen.Browser.Tests.Layout;

/// <summary>
/// Every page as every role that may open it, in English and Chinese, at the widths people use (a phone to a large
/// monitor), read from the <see cref="PageSweep"/> (views with the same markup as opened ones count as read): the
/// page never scrolls sideways, the search box (at least 160 px wide), the language switch, the bell and the user menu
/// are on screen, the menus are on screen or one tap away, and no label of the top bar wraps. And axe-core finds no
/// critical or serious accessibility problem on any page for any role.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class PortalLayoutTests(DemoDataBrowserFixture fixture, ITestOutputHelper output)
{
    private const int MinSearchWidth = 160;
    private const int MenuBreakpoint = 1200;

    [Fact]
    public async Task EveryPage_ForEveryRole_FitsEveryWidth_InEnglishAndChinese()
    {
        var sweep = await fixture.SweepAsync();
        var problems = new List<(string Kind, string Text)>();
        foreach (var visit in sweep.Visits)
        {
            foreach (var (width, measured) in PageSweep.Widths.Zip(visit.Layout))
            {
                foreach (var problem in Problems(measured, width))
                {
                    problems.Add((Regex.Replace(problem, "[\\d.]+|\"[^\"]*\"", "#") + $" at {width} px", $"{visit} at {width} px: {problem}"));
                }
            }
        }

        output.WriteLine($"{PageSweep.Widths.Length} widths per view; the sweep: {sweep}");
        // Per kind of problem and width: how many page views show it, and the first few of them.
        Assert.True(problems.Count == 0, $"{problems.Count} layout problems:\n" + string.Join("\n", problems.GroupBy(p => p.Kind).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} on {g.Count()} page views, e.g.\n  " + string.Join("\n  ", g.Select(p => p.Text).Order(StringComparer.Ordinal).Take(6)))));
        Assert.All(sweep.Visits, visit => Assert.Equal(PageSweep.Widths.Length, visit.Layout.Count));
        AssertEveryRoleSawEveryPage(sweep);
    }

    [Fact]
    public async Task EveryPage_SignedInAsEachRole_HasNoCriticalOrSeriousAccessibilityViolation()
    {
        var sweep = await fixture.SweepAsync();
        var english = sweep.Visits.Where(v => !v.Chinese).ToList();
        var checkedViews = english.Where(v => v.Axe is not null).ToList();
        var problems = new List<(string Rule, string Text)>();
        foreach (var visit in checkedViews)
        {
            foreach (var violation in visit.Axe!.Where(v => v.Impact is "critical" or "serious"))
            {
                problems.Add((violation.Id, $"{visit}: {violation.Impact} {violation.Id} ({violation.Help}) at "
                    + string.Join(" | ", violation.Nodes.Take(3))));
            }
        }

        output.WriteLine($"{english.Count} English page views opened, covered by axe-core as: "
            + string.Join(", ", english.GroupBy(v => v.AxeCoverage).Select(g => $"{g.Key} {g.Count()}"))
            + $"; {sweep.Same.Count(v => v.Locale == PageSweep.Locales[0])} more with the same markup as opened ones");
        // Per rule: how many page views break it, and the first few of them.
        Assert.True(problems.Count == 0, $"{problems.Count} violations:\n" + string.Join("\n", problems.GroupBy(p => p.Rule).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} on {g.Count()} page views, e.g.\n  " + string.Join("\n  ", g.Select(p => p.Text).Order(StringComparer.Ordinal).Take(4)))));
        Assert.All(english, v => Assert.NotNull(v.AxeCoverage));
        // Every role's own views were checked, not only another role's identical ones: each role has a bar of its own.
        Assert.Equal(Roles.All.Order(), checkedViews.Select(v => v.Role).Distinct().Order());
    }

    [Fact]
    public async Task TheAccessibilityCheck_FindsWhatItLooksFor_OnAPortalPage()
    {
        var page = await SignedInAsync(Roles.Staff, PageSweep.Locales[0]);
        await page.GotoAsync("/Account/ChangePassword");
        Assert.DoesNotContain(await PageSweep.AxeViolationsAsync(page, null), v => v.Impact is "critical" or "serious");

        // A button without a name and an unlabelled field in the page, and a link without a name in the top bar.
        await page.EvaluateAsync("""
            () => {
              document.querySelector('main').insertAdjacentHTML('beforeend', '<button id="nameless"></button><input id="unlabelled" type="text">');
              document.querySelector('body > header nav').insertAdjacentHTML('beforeend', '<a id="emptylink" href="/"></a>');
            }
            """);
        var whole = await PageSweep.AxeViolationsAsync(page, null);
        Assert.Contains(whole, v => v.Id == "button-name" && v.Impact == "critical" && v.Nodes.Any(n => n.Contains("nameless", StringComparison.Ordinal)));
        Assert.Contains(whole, v => v.Id == "label" && v.Nodes.Any(n => n.Contains("unlabelled", StringComparison.Ordinal)));
        var bar = await PageSweep.AxeViolationsAsync(page, "body > header");
        Assert.Equal(["link-name"], bar.Select(v => v.Id));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhone_SearchResultsComeFirst_AndTheFiltersOpenOnRequest()
    {
        var page = await SignedInAsync(Roles.Staff, PageSweep.Locales[0]);
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
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhone_TheMenusAreOneTapAway()
    {
        var page = await SignedInAsync(Roles.Admin, PageSweep.Locales[1]);
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
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Every role saw every page it may open, in each language: opened in the browser or the same markup as opened views;
    /// and the browser opened pages for every role, so each role's own markup was checked, not only another role's.
    /// </summary>
    private void AssertEveryRoleSawEveryPage(PageSweep sweep)
    {
        foreach (var role in Roles.All)
        {
            foreach (var locale in PageSweep.Locales)
            {
                var seen = sweep.Visits.Where(v => v.Role == role && v.Locale == locale).Select(v => v.Pattern)
                    .Concat(sweep.Same.Where(v => v.Role == role && v.Locale == locale).Select(v => v.Pattern));
                Assert.Equal(PageSweep.PagesFor(fixture.Server.Services, role), seen.Order(StringComparer.Ordinal));
                Assert.Contains(sweep.Visits, v => v.Role == role && v.Locale == locale);
            }
        }

        Assert.True(sweep.Visits.Count + sweep.Same.Count >= 400, $"only {sweep.Visits.Count + sweep.Same.Count} page views");
        Assert.All(sweep.Same, v => Assert.Equal((v.ContentOf.Locale, v.BarOf.Locale), (v.Locale, v.Locale)));
    }

    /// <summary>A page signed in as the sweep's user of <paramref name="role"/>, in its own context.</summary>
    private async Task<IPage> SignedInAsync(string role, string locale)
    {
        var sweep = await fixture.SweepAsync();
        var page = await fixture.NewPageAsync(locale);
        await SignIn.AsAsync(page, sweep.Samples.EmailOf(role), PortalFactory.UserPassword);
        return page;
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
