using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using KnowledgeKaizen.Browser.Tests.Infrastructure;
using KnowledgeKaizen.Browser.Tests.PerformerDetection;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Knowledge;
using KnowledgeKaizen.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KnowledgeKaizen.Browser.Tests.Hosting;

/// <summary>
/// Everything a person reads is a name, not a code, in their language: every page of the authorization matrix, opened
/// once by each role in English and in Chinese with the demo data, shows no raw code (snake_case words, stage codes), no
/// e-mail address of someone whose name is known unless the name is beside it, and — in Chinese — no Latin-only text
/// that is not data (names, titles, texts people wrote).
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed partial class ReadableTextBrowserTests(DemoDataBrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// Latin words that are names in any language: the product, the CRMs it imports from, languages, methods and formats,
    /// and what a person types as it is (keys, an HTTP header). A vendor's file and table names are data and shown in
    /// &lt;code&gt;, which the scan leaves out like every other code.
    /// </summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "KnowledgeKaizen", "English", "PDCA", "SDCA", "Markdown", "Mermaid", "CSV", "PNG", "JSON", "NDJSON", "UTF", "SCORM", "API", "ML", "NET",
        "KMeans", "LightGbm", "FastTree", "Lucene", "ISO", "UTC", "ID", "URL", "KPI", "PDF", "zip", "Ctrl", "Authorization", "Bearer",
        "Salesforce", "HubSpot", "Dynamics",
    };

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

    [Fact]
    public async Task EveryPage_ForEveryRole_InEnglishAndChinese_ShowsNamesNotCodes()
    {
        var server = fixture.Server;
        // The performance pages and the model page show findings, deal mixes and a finished retraining only after the
        // first-start retraining: wait for it, so what they show is read every run.
        await server.SnapshotAsync();
        var samples = await ScanSamples.CreateAsync(server);
        var data = await DataText.LoadAsync(server);
        var pages = Pages(server.Services);
        var problems = new ConcurrentBag<(string Problem, string Where)>();
        var visits = 0;

        // One context per role and language, a few at a time (two cores): each page is loaded once per context.
        using var gate = new SemaphoreSlim(3);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var scans = from role in Roles.All
                    from locale in new[] { "en-US", "zh-CN" }
                    select ScanAsync(role, locale);
        await Task.WhenAll(scans);

        output.WriteLine($"Scanned {visits} page views in {clock.Elapsed.TotalSeconds:0} s");
        Assert.True(visits >= 80, $"Only {visits} page views were scanned.");
        var report = problems.GroupBy(p => p.Problem).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} — on {string.Join(", ", g.Select(p => p.Where).Distinct().Order().Take(6))}{(g.Count() > 6 ? ", …" : "")}");
        Assert.True(problems.IsEmpty, $"{problems.Count} texts are codes, addresses or untranslated:\n" + string.Join("\n", report.Take(200)));

        static bool Opens(string? policy, string role) => policy is null || Policies.RolesFor[policy].Contains(role);

        async Task ScanAsync(string role, string locale)
        {
            await gate.WaitAsync();
            try
            {
                var chinese = locale.StartsWith("zh", StringComparison.Ordinal);
                var page = await fixture.NewPageAsync(locale);
                // Only the HTML the server writes is read: scripts, styles, images and fonts are not fetched.
                await page.Context.RouteAsync("**/*", route => route.Request.ResourceType is "script" or "stylesheet" or "image" or "font" or "fetch" or "xhr"
                    ? route.AbortAsync() : route.ContinueAsync());
                await Artifacts.CaptureOnFailureAsync(page, $"readable-text-{role}-{locale}", async () =>
                {
                    await SignInAsync(page, samples.EmailOf(role));
                    // Each page as the first (least privileged) role that may open it; home and My work, whose content is per role, as every role.
                    foreach (var (pattern, policy) in pages.Where(p => Opens(p.Policy, role)
                        && (p.Pattern is "/" or "/Index" or "/MyWork" || Roles.All.First(r => Opens(p.Policy, r)) == role)))
                    {
                        var url = samples.UrlFor(pattern, role, chinese);
                        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
                        Interlocked.Increment(ref visits);
                        foreach (var text in await page.EvaluateAsync<string[][]>(TextProbe))
                        {
                            foreach (var problem in Problems(text[0], text[1], chinese, data))
                            {
                                problems.Add(($"{pattern}: {problem}", $"{role} {locale}"));
                            }
                        }
                    }
                });
                await page.Context.CloseAsync();
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>What is wrong with one text a reader sees, if anything.</summary>
    private static IEnumerable<string> Problems(string text, string row, bool chinese, DataText data)
    {
        if (SnakeCase().IsMatch(text) || (DocumentKinds.Stages.Contains(text) && !data.IsTag(text)))
        {
            yield return $"code \"{text}\"";
        }

        foreach (Match email in EmailAddress().Matches(text))
        {
            if (data.NameOf(email.Value) is { } name && !row.Contains(name, StringComparison.Ordinal))
            {
                yield return $"e-mail \"{email.Value}\" where the name \"{name}\" exists";
            }
        }

        if (chinese)
        {
            foreach (var part in Separators().Split(text).Select(p => Numbering().Replace(p.Trim().TrimEnd('…'), string.Empty)).Where(p => p.Length > 0))
            {
                if (!Cjk().IsMatch(part) && !part.StartsWith('/') && LatinWords(part).Any() && !data.Contains(part))
                {
                    yield return $"untranslated \"{part}\"";
                }
            }
        }
    }

    /// <summary>Words of two or more Latin letters with a lower-case letter that are not names, numbers or addresses.</summary>
    private static IEnumerable<string> LatinWords(string text) =>
        LatinWord().Matches(EmailAddress().Replace(text, " ")).Select(m => m.Value)
            .Where(w => w.Length >= 2 && w.Any(char.IsLower) && !Names.Contains(w));

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(PortalFactory.UserPassword);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-menu")).ToBeVisibleAsync();
    }

    /// <summary>Every Razor page of the app (the authorization matrix's list) with its route pattern and policy.</summary>
    private static List<(string Pattern, string? Policy)> Pages(IServiceProvider services) =>
        services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'),
                Policy: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null)))
            .Where(p => p.Pattern is not "/Logout" and not "/Account/Logout")
            .DistinctBy(p => p.Pattern)
            .OrderBy(p => p.Pattern, StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"^[a-z]+(_[a-z]+)+$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@" · | – | — |, |: |; | / |\||\(|\)|（|）")]
    private static partial Regex Separators();

    /// <summary>"1. ", "12) ": a number in front of a title.</summary>
    [GeneratedRegex(@"^\d+[.)]\s+")]
    private static partial Regex Numbering();
}
