using KnowledgeKaizen.Core.Markdown;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace KnowledgeKaizen.Benchmarks.Markdown;

/// <summary>
/// The portal's renderer on the worst Markdown shapes, at growing sizes up to the 200,000-character limit, against the
/// old pipeline (Markdig's advanced extensions with auto-identifiers, raw HTML off — without the sanitiser the old code
/// also ran, so the baseline's real cost was higher still). Then the largest documents the limits accept, whose render
/// time is the real budget of a request. CPU time of this process, median of the rounds.
/// </summary>
public sealed class MarkdownBenchmark : IBenchmark
{
    private static readonly MarkdownPipeline OldPipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).DisableHtml().Build();

    private static readonly string[] WorstShapes =
    [
        "identical headings", "web addresses", "long table", "emphasis paragraphs", "link reference definitions",
        "links", "paragraphs", "nested quotes", "open brackets with words",
    ];

    public string Name => "markdown";

    public string Description => "renderer on the worst Markdown shapes and the largest accepted documents, against the old pipeline";

    public Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var baselineCap = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 30);
        var renderer = new MarkdownRenderer();
        renderer.Render("# warm\n\n[a](https://a.example) *b* | c |\n|---|\n| d |");
        Markdig.Markdown.ToHtml("# warm", OldPipeline);

        var rows = new List<IReadOnlyList<string>>();
        foreach (var shape in WorstShapes)
        {
            var full = HostileCorpus.Markdown.Single(s => s.Name == shape).Markdown;
            var baselineTooSlow = false;
            foreach (var size in new[] { 25_000, 50_000, 100_000, 200_000 })
            {
                var text = full.Length <= size ? full : full[..size];
                var candidate = Median(rounds, () => renderer.Render(text).Problem?.Message);
                var outcome = renderer.Render(text).Problem is { } problem ? "refused: " + problem.FormattedMessage[..Math.Min(48, problem.FormattedMessage.Length)] : "rendered";
                string baseline;
                if (baselineTooSlow)
                {
                    baseline = "skipped (slower than the cap at a smaller size)";
                }
                else
                {
                    var old = Time(() => Old(text));
                    baselineTooSlow = old.Cpu > baselineCap;
                    baseline = old.Outcome is null ? Report.Ms(old.Cpu.TotalMilliseconds) : $"{Report.Ms(old.Cpu.TotalMilliseconds)} ({old.Outcome})";
                }

                rows.Add([shape, text.Length.ToString("N0", CultureInfo.InvariantCulture), Report.Ms(candidate.TotalMilliseconds), outcome, baseline]);
            }
        }

        Report.Table("Worst shapes: CPU per render (candidate = limits + render + sanitise; baseline = old Markdig pipeline, no sanitiser)",
            ["shape", "chars", "portal", "portal outcome", "old pipeline"], rows);

        var accepted = new List<IReadOnlyList<string>>();
        foreach (var (name, text) in LargestAccepted())
        {
            var problem = MarkdownRenderer.FindProblem(text);
            var cpu = Median(rounds, () => renderer.Render(text).Problem?.Message);
            var old = Time(() => Old(text));
            accepted.Add([name, text.Length.ToString("N0", CultureInfo.InvariantCulture), problem is null ? "accepted" : "REFUSED " + problem.FormattedMessage,
                Report.Ms(cpu.TotalMilliseconds), Report.Ms(old.Cpu.TotalMilliseconds)]);
        }

        Report.Table("Largest accepted documents: CPU per render (these bound a request; readers get them from the per-revision cache after the first)",
            ["document", "chars", "limits", "portal", "old pipeline"], accepted);
        Console.WriteLine();
        Console.WriteLine($"Rounds: {rounds}; {Environment.ProcessorCount} cores; load average {BenchOptions.LoadAverage()}");
        return Task.CompletedTask;
    }

    /// <summary>Documents at (just under) each limit, built from realistic pieces.</summary>
    private static IEnumerable<(string Name, string Markdown)> LargestAccepted()
    {
        yield return ("1,000 headings with a paragraph each", Repeat(i => $"## Step {i}\n\nAsk who signs, then **confirm** the date.\n\n", MarkdownLimits.MaxHeadings));
        yield return ("2,000 links, one per list item", Repeat(i => $"- see [guide {i}](https://guide.example/{i})\n", MarkdownLimits.MaxLinks));
        yield return ("2,000-row table, 4 columns", "| stage | owner | days | note |\n|---|---|---|---|\n"
            + Repeat(i => $"| s{i % 6} | rep {i % 40} | {i % 30} | _check_ |\n", MarkdownLimits.MaxTableRows - 1));
        yield return ("9,900 paragraphs (elements)", Repeat(i => $"Paragraph {i} with a few plain words.\n\n", 9_900));
        yield return ("200,000 characters of prose", Repeat(i => "The customer asked for a second visit; we brought the engineer and the quote. ", 2_500));
        yield return ("4,000 list items with emphasis, in 10 lists", Repeat(i => (i % 400 == 0 ? "\n" : string.Empty) + $"- *item* {i} **bold**\n", 4_000));
    }

    private static string Repeat(Func<int, string> piece, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count && text.Length < MarkdownRenderer.MaxSourceLength - 200; i++)
        {
            text.Append(piece(i));
        }

        return text.ToString();
    }

    private static string? Old(string text)
    {
        try
        {
            Markdig.Markdown.ToHtml(text, OldPipeline);
            return null;
        }
        catch (ArgumentException)
        {
            return "threw: nested too deeply";
        }
    }

    private static TimeSpan Median(int rounds, Func<string?> render)
    {
        var samples = Enumerable.Range(0, rounds).Select(_ => Time(render).Cpu.TotalMilliseconds).Order().ToList();
        return TimeSpan.FromMilliseconds(samples[samples.Count / 2]);
    }

    private static (TimeSpan Cpu, string? Outcome) Time(Func<string?> work)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var outcome = work();
        process.Refresh();
        return (process.TotalProcessorTime - before, outcome);
    }
}
