using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Deque.AxeCore.Commons;

namespace KnowledgeKaizen.Browser.Tests.Sweep;

/// <summary>How views are read: as the server sends them, and opened in a tab per role and language, one after the other.</summary>
public sealed partial class PageSweep
{
    /// <summary>How axe-core covered a view: checked whole, its top bar checked, or identical to views already checked.</summary>
    public static class Coverage
    {
        public const string WholePage = "whole page";
        public const string TopBar = "top bar (the rest identical to a checked view)";
        public const string Identical = "identical to checked views";
    }

    /// <summary>Where axe-core looks at the page: as a page opened on a laptop.</summary>
    private const int AxeWidth = 1280;

    /// <summary>
    /// Every visible text node with the text of its row (a table row, list item, paragraph…). Code and data rendered as
    /// documents (Markdown bodies, diagrams) are left out.
    /// </summary>
    private const string TextProbe = """
        () => {
          const skipped = 'script,style,noscript,template,code,pre,textarea,svg,.markdown-body,.mermaid,[hidden]';
          const rowOf = el => el.closest('tr,li,dl,dd,p,label,option,h1,h2,h3,h4,h5,h6,.card-body,form,section') || el;
          const seen = new Set();
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.nodeValue.replace(/\s+/g, ' ').trim();
            const el = node.parentElement;
            if (!text || !el || el.closest(skipped)) { continue; }
            // The row only matters beside an address (is the person's name there too?).
            const row = text.includes('@') ? (rowOf(el).textContent || '').replace(/\s+/g, ' ').trim().slice(0, 400) : '';
            if (seen.has(text + '\u0000' + row)) { continue; }
            seen.add(text + '\u0000' + row);
            out.push([text, row]);
          }
          return out;
        }
        """;

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

    /// <summary>axe-core itself, as the Deque package ships it.</summary>
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// axe-core run in the page, violations only (listing every passing node of a long table costs more than checking
    /// it). The package's own run finishes each result in a new browser page, meant to combine frames' results: seconds a
    /// run on two busy cores, and the portal's pages have no frames.
    /// </summary>
    private const string AxeRunScript = """
        async include => {
          const result = await axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'] });
          return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html) }));
        }
        """;

    /// <summary>An accessibility rule a view breaks, with the markup of the elements that break it.</summary>
    public sealed record AxeViolation(string Id, string? Impact, string Help, string[] Nodes);

    /// <summary>axe-core's violations on the page, or on the part <paramref name="include"/> selects; injected once per loaded page.</summary>
    public static async Task<AxeViolation[]> AxeViolationsAsync(IPage page, string? include)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        return (await page.EvaluateAsync<JsonElement>(AxeRunScript, include)).Deserialize<AxeViolation[]>(JsonSerializerOptions.Web)!;
    }

    /// <summary>The markup axe-core has checked, by hash: page contents (without the top bar) and top bars.</summary>
    private sealed record AxeInputs(ConcurrentDictionary<string, byte> Contents, ConcurrentDictionary<string, byte> Bars);

    /// <summary>
    /// One role in one language: a signed-in browser context with its tab, and a client with the context's cookies and
    /// language that reads pages as the server sends them.
    /// </summary>
    private sealed class Reader(string role, string locale, IBrowserContext context, Tab tab, HttpClient client, ConcurrentDictionary<string, TimeSpan> phases)
        : IAsyncDisposable
    {
        public string Role => role;

        public string Locale => locale;

        public Tab Tab => tab;

        public static async Task<Reader> SignInAsync(DemoDataBrowserFixture fixture, string email, string role, string locale,
            ConcurrentDictionary<string, TimeSpan> phases, AxeInputs checkedInputs)
        {
            var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, Locale = locale });
            context.SetDefaultTimeout(60_000);
            await context.AddInitScriptAsync(ViolationProbe);
            var page = await context.NewPageAsync();
            await SignIn.AsAsync(page, email, PortalFactory.UserPassword);
            var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(fixture.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", (await context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}")));
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(locale);
            return new Reader(role, locale, context, new Tab(page, phases, checkedInputs), client, phases);
        }

        /// <summary>The page's markup as the server sends it, whatever its status (the browser shows error pages too).</summary>
        public async Task<ViewMarkup> ReadAsync(string url)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            var markup = ViewMarkup.Of(locale, await response.Content.ReadAsStringAsync());
            phases.AddOrUpdate("read", clock.Elapsed, (_, sum) => sum + clock.Elapsed);
            return markup;
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await context.CloseAsync();
        }
    }

    /// <summary>A browser tab that reads one page after the other, timing each step.</summary>
    private sealed class Tab
    {
        private readonly IPage page;
        private readonly ConcurrentDictionary<string, TimeSpan> phases;
        private readonly ConcurrentQueue<string> console = new();
        private readonly Stopwatch step = new();
        private readonly AxeInputs checkedInputs;

        public Tab(IPage page, ConcurrentDictionary<string, TimeSpan> phases, AxeInputs checkedInputs)
        {
            (this.page, this.phases, this.checkedInputs) = (page, phases, checkedInputs);
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    console.Enqueue(message.Text);
                }
            };
        }

        public Task<PageVisit> VisitAsync(string role, string locale, string pattern, string url) =>
            Artifacts.CaptureOnFailureAsync(page, $"sweep-{role}-{locale}-{pattern.Replace('/', '_')}", async () =>
            {
                console.Clear();
                step.Restart();
                await page.SetViewportSizeAsync(Widths[0], 900);
                var response = await page.GotoAsync(url);
                var markup = ViewMarkup.Of(locale, await response!.TextAsync());
                Done("load");
                var texts = await page.EvaluateAsync<string[][]>(TextProbe);
                Done("text");
                var layout = new List<JsonElement>();
                foreach (var width in Widths)
                {
                    await page.SetViewportSizeAsync(width, 900);
                    layout.Add((await page.EvaluateAsync<JsonElement>(MeasureScript)).Clone());
                }

                Done("layout");
                var (axe, coverage) = locale == Locales[0] ? await AxeAsync(markup) : (null, null);
                var violations = (await page.EvaluateAsync<string[]>("() => window.__kkViolations")).Concat(console).Distinct().ToList();
                return new PageVisit(role, locale, pattern, url, markup, layout, texts, violations, axe, coverage);
            });

        /// <summary>
        /// axe-core on what no view checked before: the same markup (<see cref="ViewMarkup"/>) gives the same result, and
        /// most pages show the same content to every role that may open them, under that role's top bar. So a page is
        /// checked whole once per distinct content, and a top bar once per distinct bar; a view whose both parts were
        /// checked is covered.
        /// </summary>
        private async Task<(IReadOnlyList<AxeViolation>? Result, string Coverage)> AxeAsync(ViewMarkup markup)
        {
            await page.SetViewportSizeAsync(AxeWidth, 900);
            (IReadOnlyList<AxeViolation>?, string) result;
            if (checkedInputs.Contents.TryAdd(markup.Content, 0))
            {
                checkedInputs.Bars.TryAdd(markup.Bar, 0);
                result = (await AxeViolationsAsync(page, null), Coverage.WholePage);
            }
            else if (checkedInputs.Bars.TryAdd(markup.Bar, 0))
            {
                result = (await AxeViolationsAsync(page, "body > header"), Coverage.TopBar);
            }
            else
            {
                result = (null, Coverage.Identical);
            }

            Done("axe");
            return result;
        }

        private void Done(string phase)
        {
            phases.AddOrUpdate(phase, step.Elapsed, (_, sum) => sum + step.Elapsed);
            step.Restart();
        }
    }
}
