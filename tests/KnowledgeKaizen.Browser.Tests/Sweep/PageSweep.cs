using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace KnowledgeKaizen.Browser.Tests.Layout;

/// <summary>
/// Every page of <see cref="LayoutFixture.EachPageOnce"/> loaded once per language and measured at every width; the
/// English load also runs axe-core at the fixture's 1280 px. Loading a page is the expensive part, so the layout and the
/// accessibility tests read one set of visits (<see cref="LayoutFixture.PageViewsAsync"/>) instead of loading each page
/// twice.
/// </summary>
public sealed class PageViews
{
    public static readonly int[] Widths = [390, 1024, 1280, 1366, 1920];

    /// <summary>The fixture's viewport, where axe-core looks at the page (as a page opened at 1280 px).</summary>
    private const int AxeWidth = 1280;

    private const int Concurrency = 3;

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

    private PageViews(IReadOnlyList<Measurement> measurements, IReadOnlyList<AxeCheck> axeChecks, int loads, TimeSpan elapsed) =>
        (Measurements, AxeChecks, Loads, Elapsed) = (measurements, axeChecks, loads, elapsed);

    /// <summary>One page view at one width.</summary>
    public sealed record Measurement(string Role, string Locale, string Url, int Width, JsonElement Measured);

    /// <summary>axe-core's result on one page view in English.</summary>
    public sealed record AxeCheck(string Role, string Url, AxeResult Result);

    public IReadOnlyList<Measurement> Measurements { get; }

    public IReadOnlyList<AxeCheck> AxeChecks { get; }

    /// <summary>How many page loads were made (one per page, role and language).</summary>
    public int Loads { get; }

    public TimeSpan Elapsed { get; }

    public static async Task<PageViews> VisitAsync(LayoutFixture fixture)
    {
        var measurements = new ConcurrentBag<Measurement>();
        var axeChecks = new ConcurrentBag<AxeCheck>();
        var loads = 0;
        var clock = Stopwatch.StartNew();
        var runs = fixture.EachPageOnce().SelectMany(run => LayoutFixture.Locales.Select(locale => (role: run.Role, locale, url: run.Url))).ToList();
        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (run, _) =>
        {
            var page = await fixture.Context(run.role, run.locale).NewPageAsync();
            try
            {
                await page.SetViewportSizeAsync(Widths[0], 900);
                await page.GotoAsync(run.url);
                Interlocked.Increment(ref loads);
                foreach (var width in Widths)
                {
                    await page.SetViewportSizeAsync(width, 900);
                    measurements.Add(new(run.role, run.locale, run.url, width, (await page.EvaluateAsync<JsonElement>(MeasureScript)).Clone()));
                }

                if (run.locale == LayoutFixture.Locales[0])
                {
                    await page.SetViewportSizeAsync(AxeWidth, 900);
                    axeChecks.Add(new(run.role, run.url, await page.RunAxe()));
                }
            }
            finally
            {
                await page.CloseAsync();
            }
        });

        return new PageViews([.. measurements], [.. axeChecks], loads, clock.Elapsed);
    }
}
