using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeKaizen.Core.Improvement;

namespace KnowledgeKaizen.Browser.Tests.Sweep;

/// <summary>
/// The authorization matrix in a browser: every page as every role that may open it, in English and in Chinese, on the
/// demo portal with a real record behind every detail page. Every view is first read as the server sends it (cheap);
/// a view is then opened in the browser when its page content or its top bar is markup no view opened before showed,
/// and read there by every page check: the Content-Security-Policy violations it raised, the texts a reader sees, how it
/// lays out at each width (by resizing, not reloading) and — in English — axe-core's accessibility result. The other
/// views are the same documents as opened ones (see <see cref="ViewMarkup"/>) and are listed with them
/// (<see cref="SameMarkup"/>). Opening every view (about 430) took the suite past its 10 minutes on two cores.
/// </summary>
public sealed partial class PageSweep
{
    public static readonly string[] Locales = ["en-US", "zh-CN"];

    public static readonly int[] Widths = [390, 1024, 1280, 1366, 1920];

    /// <summary>Page loads at once: the portal and the browser share two cores with the other test assemblies.</summary>
    private const int Concurrency = 3;

    /// <summary>Policy violations the page reports, collected from before its first script runs.</summary>
    public const string ViolationProbe = """
        window.__kkViolations = [];
        document.addEventListener('securitypolicyviolation', e => {
          window.__kkViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
        });
        """;

    private PageSweep(IReadOnlyList<PageVisit> visits, IReadOnlyList<SameMarkup> same, ScanSamples samples, TimeSpan elapsed,
        IReadOnlyDictionary<string, TimeSpan> phases) =>
        (Visits, Same, Samples, Elapsed, Phases) = (visits, same, samples, elapsed, phases);

    /// <summary>One page as one role in one language, opened in the browser.</summary>
    /// <param name="Role">Who was signed in.</param>
    /// <param name="Locale">The browser's language.</param>
    /// <param name="Pattern">The page's route pattern ("/Knowledge/Details/{id:int}").</param>
    /// <param name="Url">The address opened, with a real record's id.</param>
    /// <param name="Markup">The markup the browser received.</param>
    /// <param name="Layout">The measurement per width, in <see cref="Widths"/> order.</param>
    /// <param name="Texts">Each visible text with its row (see the probe).</param>
    /// <param name="Violations">Content-Security-Policy violations the page raised.</param>
    /// <param name="Axe">axe-core's result where this view was the first to show what axe-core checked (English only).</param>
    /// <param name="AxeCoverage">How axe-core covered this view (English only): see <see cref="Coverage"/>.</param>
    public sealed record PageVisit(string Role, string Locale, string Pattern, string Url, ViewMarkup Markup, IReadOnlyList<JsonElement> Layout,
        IReadOnlyList<string[]> Texts, IReadOnlyList<string> Violations, IReadOnlyList<AxeViolation>? Axe, string? AxeCoverage)
    {
        public bool Chinese => Locale.StartsWith("zh", StringComparison.Ordinal);

        public override string ToString() => $"{Url} as {Role} ({Locale})";
    }

    /// <summary>A view not opened in the browser: its page content is <paramref name="ContentOf"/>'s, its top bar <paramref name="BarOf"/>'s.</summary>
    public sealed record SameMarkup(string Role, string Locale, string Pattern, string Url, PageVisit ContentOf, PageVisit BarOf)
    {
        public override string ToString() => $"{Url} as {Role} ({Locale}), content as {ContentOf.Role}, top bar as on {BarOf.Url}";
    }

    /// <summary>The views opened in the browser.</summary>
    public IReadOnlyList<PageVisit> Visits { get; }

    /// <summary>The views whose markup opened views showed.</summary>
    public IReadOnlyList<SameMarkup> Same { get; }

    /// <summary>The users and records behind the pages (the sign-in e-mail of each role, ids of the detail pages).</summary>
    public ScanSamples Samples { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Time spent per step (read, load, text, layout, axe), summed over the views: where the sweep's time goes.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Phases { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Visits.Count + Same.Count} page views in {Elapsed.TotalSeconds:0} s, {Visits.Count} opened in the browser and {Same.Count} the same markup as opened ones "
        + $"({string.Join(", ", Phases.Select(p => $"{p.Key} {p.Value.TotalSeconds:0} s"))}, summed over {Concurrency} at once)");

    /// <summary>Every page each role may open (signing out and the error page left out), by route pattern.</summary>
    public static IReadOnlyList<string> PagesFor(IServiceProvider services, string role) =>
        [.. PortalPage.All(services)
            .Where(p => p.Path is not ("/Error" or "/Search/Go") && (p.Anonymous || Policies.RolesFor[p.Policy!].Contains(role)))
            .Select(p => "/" + p.Route.RawText!.TrimStart('/')).Distinct().Order(StringComparer.Ordinal)];

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
        var phases = new ConcurrentDictionary<string, TimeSpan>();
        var checkedInputs = new AxeInputs(new(), new());
        var readers = new ConcurrentBag<Reader>();
        try
        {
            // 1. Every view as the server sends it, one signed-in browser context (and its cookies) per role and language.
            var views = new ConcurrentBag<View>();
            await Parallel.ForEachAsync(from role in Roles.All from locale in Locales select (role, locale), Parallelism, async (who, _) =>
            {
                var reader = await Reader.SignInAsync(fixture, samples.EmailOf(who.role), who.role, who.locale, phases, checkedInputs);
                readers.Add(reader);
                foreach (var pattern in PagesFor(server.Services, who.role))
                {
                    var url = samples.UrlFor(pattern, who.role, who.locale.StartsWith("zh", StringComparison.Ordinal));
                    views.Add(new View(reader, pattern, url, await reader.ReadAsync(url)));
                }
            });

            // 2. Open each view that shows a page content or a top bar no view before it showed, least privileged role first.
            var rank = Roles.All.ToList();
            var (contents, bars) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
            var planned = views.OrderBy(v => rank.IndexOf(v.Reader.Role)).ThenBy(v => v.Reader.Locale, StringComparer.Ordinal)
                .ThenBy(v => v.Pattern, StringComparer.Ordinal)
                .Where(v => contents.Add(v.Markup.Content) | bars.Add(v.Markup.Bar)).ToList();
            var opened = await OpenAsync(planned);

            // 3. The rest count as seen only where the browser received the same markup: a page may change between reads
            // (home shows what its reader viewed last). Those that changed are opened too.
            var contentOf = new Dictionary<string, PageVisit>(StringComparer.Ordinal);
            var barOf = new Dictionary<string, PageVisit>(StringComparer.Ordinal);
            foreach (var visit in opened.OrderBy(v => v.Url, StringComparer.Ordinal).ThenBy(v => v.Role))
            {
                contentOf.TryAdd(visit.Markup.Content, visit);
                barOf.TryAdd(visit.Markup.Bar, visit);
            }

            var rest = views.Except(planned).ToList();
            var changed = rest.Where(v => !contentOf.ContainsKey(v.Markup.Content) || !barOf.ContainsKey(v.Markup.Bar)).ToList();
            opened = [.. opened, .. await OpenAsync(changed)];
            var same = rest.Except(changed)
                .Select(v => new SameMarkup(v.Reader.Role, v.Reader.Locale, v.Pattern, v.Url, contentOf[v.Markup.Content], barOf[v.Markup.Bar]))
                .OrderBy(v => v.Url, StringComparer.Ordinal).ThenBy(v => v.Role).ThenBy(v => v.Locale).ToList();
            return new PageSweep([.. opened.OrderBy(v => v.Url, StringComparer.Ordinal).ThenBy(v => v.Role).ThenBy(v => v.Locale)], same, samples, clock.Elapsed, phases);
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }

    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Concurrency };

    /// <summary>Opens the views in the browser, each reader's one after the other in its own tab, readers side by side.</summary>
    private static async Task<List<PageVisit>> OpenAsync(IEnumerable<View> views)
    {
        var visits = new ConcurrentBag<PageVisit>();
        await Parallel.ForEachAsync(views.GroupBy(v => v.Reader), Parallelism, async (group, _) =>
        {
            foreach (var view in group)
            {
                visits.Add(await group.Key.Tab.VisitAsync(group.Key.Role, group.Key.Locale, view.Pattern, view.Url));
            }
        });
        return [.. visits];
    }

    /// <summary>A view as the server sent it: who reads it, the page, the address and its markup.</summary>
    private sealed record View(Reader Reader, string Pattern, string Url, ViewMarkup Markup);
}
