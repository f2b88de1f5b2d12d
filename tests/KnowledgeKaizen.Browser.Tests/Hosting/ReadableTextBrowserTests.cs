using KnowledgeKaizen.Browser.Tests.Sweep;

namespace KnowledgeKaizen.Browser.Tests.Hosting;

/// <summary>
/// Everything a person reads is a name, not a code, in their language: every page of the authorization matrix, opened
/// in English and in Chinese with the demo data (the <see cref="PageSweep"/>), shows no raw code
/// (snake_case words, stage codes), no e-mail address of someone whose name is known unless the name is beside it, and —
/// in Chinese — no Latin-only text that is not data (names, titles, texts people wrote).
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

    [Fact]
    public async Task EveryPage_ForEveryRole_InEnglishAndChinese_ShowsNamesNotCodes()
    {
        var sweep = await fixture.SweepAsync();
        var data = await DataText.LoadAsync(fixture.Server);
        var problems = (from visit in sweep.Visits
                        from text in visit.Texts
                        from problem in Problems(text[0], text[1], visit.Chinese, data)
                        select (Problem: $"{visit.Pattern}: {problem}", Where: $"{visit.Role} {visit.Locale}")).ToList();

        output.WriteLine($"Read {sweep.Visits.Count} page views");
        Assert.True(sweep.Visits.Count(v => v.Texts.Count > 0) >= 120, $"Only {sweep.Visits.Count(v => v.Texts.Count > 0)} page views had text.");
        var report = problems.GroupBy(p => p.Problem).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} — on {string.Join(", ", g.Select(p => p.Where).Distinct().Order().Take(6))}{(g.Count() > 6 ? ", …" : "")}");
        Assert.True(problems.Count == 0, $"{problems.Count} texts are codes, addresses or untranslated:\n" + string.Join("\n", report.Take(200)));
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
