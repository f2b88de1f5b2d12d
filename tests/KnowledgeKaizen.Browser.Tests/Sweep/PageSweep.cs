using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using KnowledgeKaizen.Browser.Tests.PerformerDetection;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Improvement;

namespace KnowledgeKaizen.Browser.Tests.Sweep;

/// <summary>
/// The authorization matrix in a browser: every page, signed in as the least privileged role that may open it (and the
/// per-role pages as every role, see <see cref="SweptFor"/>), in English and in Chinese, on the demo portal with a real
/// record behind every detail page. Each view is loaded once and read by every page check: the Content-Security-Policy
/// violations it raised, the texts a reader sees, how it lays out at each width (by resizing, not reloading) and — in
/// English — axe-core's accessibility result (once per distinct markup). Loading is the expensive part, so the layout,
/// accessibility, readable-text and policy tests share one sweep instead of each visiting every page.
/// </summary>
public sealed class PageSweep
{
    public static readonly string[] Locales = ["en-US", "zh-CN"];

    public static readonly int[] Widths = [390, 1024, 1280, 1366, 1920];

    /// <summary>Where axe-core looks at the page: as a page opened on a laptop.</summary>
    private const int AxeWidth = 1280;

    /// <summary>Page loads at once: the portal and the browser share two cores with the other test assemblies.</summary>
    private const int Concurrency = 3;

    /// <summary>How axe-core covered a view: checked whole, its top bar checked, or identical to views already checked.</summary>
    public static class Coverage
    {
        public const string WholePage = "whole page";
        public const string TopBar = "top bar (the rest identical to a checked view)";
        public const string Identical = "identical to checked views";
    }

    /// <summary>
    /// What axe-core would read, in two parts: the page without its top bar, and the top bar. Hidden fields (antiforgery
    /// tokens differ on every load) and scripts are left out; nothing else is.
    /// </summary>
    private const string AxeInputProbe = """
        () => {
          const markup = el => {
            if (!el) { return ''; }
            const copy = el.cloneNode(true);
            copy.querySelectorAll('input[type=hidden], script').forEach(e => e.remove());
            return copy.outerHTML;
          };
          const body = document.body.cloneNode(true);
          body.querySelectorAll('body > header').forEach(e => e.remove());
          return [document.documentElement.lang + '|' + document.title + '|' + markup(body), markup(document.querySelector('body > header'))];
        }
        """;

    /// <summary>Policy violations the page reports, collected from before its first script runs.</summary>
    public const string ViolationProbe = """
        window.__kkViolations = [];
        document.addEventListener('securitypolicyviolation', e => {
          window.__kkViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
        });
        """;

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

    private PageSweep(IReadOnlyList<PageVisit> visits, ScanSamples samples, TimeSpan elapsed, IReadOnlyDictionary<string, TimeSpan> phases) =>
        (Visits, Samples, Elapsed, Phases) = (visits, samples, elapsed, phases);

    /// <summary>One page as one role in one language.</summary>
    /// <param name="Role">Who was signed in.</param>
    /// <param name="Locale">The browser's language.</param>
    /// <param name="Pattern">The page's route pattern ("/Knowledge/Details/{id:int}").</param>
    /// <param name="Url">The address opened, with a real record's id.</param>
    /// <param name="Layout">The measurement per width, in <see cref="Widths"/> order.</param>
    /// <param name="Texts">Each visible text with its row (see the probe).</param>
    /// <param name="Violations">Content-Security-Policy violations the page raised.</param>
    /// <param name="Axe">axe-core's result where this view was the first to show what axe-core checked (English only).</param>
    /// <param name="AxeCoverage">How axe-core covered this view (English only): see <see cref="Coverage"/>.</param>
    public sealed record PageVisit(string Role, string Locale, string Pattern, string Url, IReadOnlyList<JsonElement> Layout,
        IReadOnlyList<string[]> Texts, IReadOnlyList<string> Violations, AxeResult? Axe, string? AxeCoverage)
    {
        public bool Chinese => Locale.StartsWith("zh", StringComparison.Ordinal);

        public override string ToString() => $"{Url} as {Role} ({Locale})";
    }

    public IReadOnlyList<PageVisit> Visits { get; }

    /// <summary>The users and records behind the pages (the sign-in e-mail of each role, ids of the detail pages).</summary>
    public ScanSamples Samples { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Time spent per step of a visit (load, text, layout, axe), summed over the visits: where the sweep's time goes.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Phases { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Visits.Count} page views in {Elapsed.TotalSeconds:0} s ({string.Join(", ", Phases.Select(p => $"{p.Key} {p.Value.TotalSeconds:0} s"))}, summed over {Concurrency} at once)");

    /// <summary>Every page each role may open (signing out and the error page left out), by route pattern.</summary>
    public static IReadOnlyList<string> PagesFor(IServiceProvider services, string role) =>
        [.. Pages(services).Where(p => p.Readers.Contains(role)).Select(p => p.Pattern).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The pages <paramref name="role"/> reads in the sweep: each page as the first (least privileged) role that may open
    /// it, and the pages whose content is per role (home, My work) as every role. The top bar is the same on every page
    /// of a role, so the home page shows each role's bar, and a page's own content is the same for everyone who may
    /// open it. Every page as every role (about 430 views) would take the suite past its 10 minutes on two cores.
    /// </summary>
    public static IReadOnlyList<string> SweptFor(IServiceProvider services, string role) =>
        [.. Pages(services).Where(p => p.Readers.Contains(role) && (p.Pattern is "/" or "/Index" or "/MyWork" || p.Readers[0] == role))
            .Select(p => p.Pattern).Order(StringComparer.Ordinal)];

    /// <summary>Each page's route pattern with the roles that may open it, least privileged first.</summary>
    private static IEnumerable<(string Pattern, IReadOnlyList<string> Readers)> Pages(IServiceProvider services) =>
        PortalPage.All(services)
            .Where(p => p.Path is not ("/Error" or "/Search/Go"))
            .Select(p => (Pattern: "/" + p.Route.RawText!.TrimStart('/'),
                Readers: p.Anonymous ? Roles.All : (IReadOnlyList<string>)[.. Roles.All.Where(r => Policies.RolesFor[p.Policy!].Contains(r))]))
            .DistinctBy(p => p.Pattern);

    public static async Task<PageSweep> RunAsync(DemoDataBrowserFixture fixture)
    {
        var server = fixture.Server;
        // Findings, deal mixes and a finished retraining appear after the first-start retraining, and a recurring-problem
        // cluster draws a sparkline: wait for the one and add the other, so every dynamic part of a page is shown.
        await server.SnapshotAsync();
        await server.WithDbAsync(async db =>
        {
            db.ProblemClusters.Add(new ProblemCluster(Guid.NewGuid(), 1, "invoice", ["invoice", "发票"], 30,
                ["2026-08=10", "2026-09=5", "2026-10=15"], ["The invoice was wrong."], DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        var samples = await ScanSamples.CreateAsync(server);

        var clock = Stopwatch.StartNew();
        var visits = new ConcurrentBag<PageVisit>();
        var phases = new ConcurrentDictionary<string, TimeSpan>();
        var checkedInputs = new AxeInputs(new(), new());
        var readers = from role in Roles.All from locale in Locales select (role, locale);
        // One signed-in tab per role and language goes through that role's pages: a new tab per page would cost a
        // renderer process each.
        await Parallel.ForEachAsync(readers, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (reader, _) =>
        {
            var context = await SignedInContextAsync(fixture, samples.EmailOf(reader.role), reader.locale);
            var tab = new Tab(await context.NewPageAsync(), phases, checkedInputs);
            try
            {
                foreach (var pattern in SweptFor(server.Services, reader.role))
                {
                    visits.Add(await tab.VisitAsync(reader.role, reader.locale, pattern, samples.UrlFor(pattern, reader.role, reader.locale.StartsWith("zh", StringComparison.Ordinal))));
                }
            }
            finally
            {
                await context.CloseAsync();
            }
        });

        return new PageSweep([.. visits.OrderBy(v => v.Url, StringComparer.Ordinal).ThenBy(v => v.Role).ThenBy(v => v.Locale)], samples, clock.Elapsed, phases);
    }

    private static async Task<IBrowserContext> SignedInContextAsync(DemoDataBrowserFixture fixture, string email, string locale)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, Locale = locale });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(ViolationProbe);
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, email, PortalFactory.UserPassword);
        await page.CloseAsync();
        return context;
    }

    /// <summary>Only violations are read: listing every passing node of a long table costs more than checking it.</summary>
    private static readonly AxeRunOptions Violations = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>The markup axe-core has checked, by hash: page contents (without the top bar) and top bars.</summary>
    private sealed record AxeInputs(ConcurrentDictionary<string, byte> Contents, ConcurrentDictionary<string, byte> Bars);

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
                await page.GotoAsync(url);
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
                var (axe, coverage) = locale == Locales[0] ? await AxeAsync() : (null, null);
                var violations = (await page.EvaluateAsync<string[]>("() => window.__kkViolations")).Concat(console).Distinct().ToList();
                return new PageVisit(role, locale, pattern, url, layout, texts, violations, axe, coverage);
            });

        /// <summary>
        /// axe-core on what no view checked before: the same markup gives the same result, and most pages show the same
        /// content to every role that may open them, under that role's top bar. So a page is checked whole once per
        /// distinct content, and a role's top bar once per distinct bar; a view whose both parts were checked is covered.
        /// </summary>
        private async Task<(AxeResult? Result, string Coverage)> AxeAsync()
        {
            var inputs = await page.EvaluateAsync<string[]>(AxeInputProbe);
            var (content, bar) = (Hash(inputs[0]), Hash(inputs[1]));
            await page.SetViewportSizeAsync(AxeWidth, 900);
            (AxeResult?, string) result;
            if (checkedInputs.Contents.TryAdd(content, 0))
            {
                checkedInputs.Bars.TryAdd(bar, 0);
                result = (await page.RunAxe(Violations), Coverage.WholePage);
            }
            else if (checkedInputs.Bars.TryAdd(bar, 0))
            {
                result = (await page.RunAxe(new AxeRunContext { Include = [new AxeSelector("body > header")] }, Violations), Coverage.TopBar);
            }
            else
            {
                result = (null, Coverage.Identical);
            }

            Done("axe");
            return result;
        }

        private static string Hash(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

        private void Done(string phase)
        {
            phases.AddOrUpdate(phase, step.Elapsed, (_, sum) => sum + step.Elapsed);
            step.Restart();
        }
    }
}
