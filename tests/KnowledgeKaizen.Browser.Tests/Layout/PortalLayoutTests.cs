using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
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
public sealed class PortalLayoutTests(LayoutFixture fixture, ITestOutputHelper output) : IClassFixture<LayoutFixture>
{
    public static readonly int[] Widths = [390, 1024, 1280, 1366, 1920];

    private const int Concurrency = 3;
    private const int MinSearchWidth = 160;
    private const int MenuBreakpoint = 1200;

    /// <summary>What the page looks like at one width: page and viewport width, the controls' boxes, wrapped top-bar labels.</summary>
    private const string MeasureScript = """
        () => {
          const box = el => {
            if (!el) { return null; }
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' ? { left: r.left, right: r.right, width: r.width } : null;
          };
          const search = [...document.querySelectorAll('[role=search] input[type=search]')].map(box).find(b => b) ?? null;
          const controls = {
            search,
            language: box(document.querySelector('[data-testid=language-switch] button')),
            bell: box(document.querySelector('[data-testid=notification-bell]')),
            user: box(document.querySelector('[data-testid=user-menu]')),
            toggle: box(document.querySelector('[data-testid=menu-toggle]')),
            menus: [...document.querySelectorAll('[data-testid^=menu-]:not([data-testid=menu-toggle])')].map(box),
          };
          const wrapped = [];
          for (const el of document.querySelectorAll('.kk-topbar .nav-link, .kk-topbar .btn, .kk-topbar .navbar-brand')) {
            if (!box(el)) { continue; }
            const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let text = texts.nextNode(); text; text = texts.nextNode()) {
              const parent = text.parentElement.getBoundingClientRect();
              if (!text.textContent.trim() || parent.width <= 1 || parent.height <= 1) { continue; }
              const range = document.createRange();
              range.selectNodeContents(text);
              const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              if (tops.size > 1) { wrapped.push(text.textContent.trim()); }
            }
          }
          // What makes the page scroll sideways: the innermost elements past the right edge outside any scroll box.
          const scrolls = el => { for (let a = el.parentElement; a; a = a.parentElement) { if (/auto|scroll|hidden/.test(getComputedStyle(a).overflowX)) { return true; } } return false; };
          const past = el => el.getBoundingClientRect().right > window.innerWidth + 1;
          const culprits = document.documentElement.scrollWidth <= window.innerWidth ? [] : [...document.querySelectorAll('body *')]
            .filter(el => past(el) && !scrolls(el) && ![...el.children].some(c => past(c) && !scrolls(c))).slice(0, 2)
            .map(el => el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join('') + (el.id ? '#' + el.id : '') + (el.dataset.testid ? `[${el.dataset.testid}]` : ''));
          return { scroll: document.documentElement.scrollWidth, width: window.innerWidth, controls, wrapped, culprits };
        }
        """;

    [Fact]
    public async Task EveryPage_ForEveryRole_FitsEveryWidth_InEnglishAndChinese()
    {
        var problems = new ConcurrentBag<(string Kind, string Text)>();
        var pages = 0;
        var clock = Stopwatch.StartNew();
        var runs = fixture.EachPageOnce().SelectMany(run => LayoutFixture.Locales.Select(locale => (role: run.Role, locale, url: run.Url))).ToList();
        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (run, _) =>
        {
            var page = await fixture.Context(run.role, run.locale).NewPageAsync();
            try
            {
                await page.SetViewportSizeAsync(Widths[0], 900);
                await page.GotoAsync(run.url);
                Interlocked.Increment(ref pages);
                foreach (var width in Widths)
                {
                    await page.SetViewportSizeAsync(width, 900);
                    var measured = await page.EvaluateAsync<JsonElement>(MeasureScript);
                    foreach (var problem in Problems(measured, width))
                    {
                        problems.Add((Regex.Replace(problem, "[\\d.]+|\"[^\"]*\"", "#") + $" at {width} px", $"{run.url} as {run.role} ({run.locale}) at {width} px: {problem}"));
                    }
                }
            }
            finally
            {
                await page.CloseAsync();
            }
        });

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages} page loads × {Widths.Length} widths in {clock.Elapsed.TotalSeconds:0.0} s"));
        // Per kind of problem and width: how many page views show it, and the first few of them.
        Assert.True(problems.IsEmpty, $"{problems.Count} layout problems:\n" + string.Join("\n", problems.GroupBy(p => p.Kind).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} on {g.Count()} page views, e.g.\n  " + string.Join("\n  ", g.Select(p => p.Text).Order(StringComparer.Ordinal).Take(6)))));
        Assert.True(pages >= 80, $"only {pages} pages were measured");
    }

    [Fact]
    public async Task EveryPage_SignedInAsEachRole_HasNoCriticalOrSeriousAccessibilityViolation()
    {
        var problems = new ConcurrentBag<(string Rule, string Text)>();
        var checkedPages = 0;
        var clock = Stopwatch.StartNew();
        var runs = fixture.EachPageOnce().Select(run => (role: run.Role, url: run.Url)).ToList();
        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (run, _) =>
        {
            var page = await fixture.Context(run.role, LayoutFixture.Locales[0]).NewPageAsync();
            try
            {
                await page.GotoAsync(run.url);
                var result = await page.RunAxe();
                Interlocked.Increment(ref checkedPages);
                foreach (var violation in result.Violations.Where(v => v.Impact is "critical" or "serious"))
                {
                    problems.Add((violation.Id, $"{run.url} as {run.role}: {violation.Impact} {violation.Id} ({violation.Help}) at "
                        + string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))));
                }
            }
            finally
            {
                await page.CloseAsync();
            }
        });

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"axe on {checkedPages} pages in {clock.Elapsed.TotalSeconds:0.0} s"));
        // Per rule: how many page views break it, and the first few of them.
        Assert.True(problems.IsEmpty, $"{problems.Count} violations:\n" + string.Join("\n", problems.GroupBy(p => p.Rule).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} on {g.Count()} page views, e.g.\n  " + string.Join("\n  ", g.Select(p => p.Text).Order(StringComparer.Ordinal).Take(4)))));
        Assert.Equal(runs.Count, checkedPages);
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
            await page.GetByTestId("menu-admin").ClickAsync();
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
