using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace KnowledgeKaizen.Core.Markdown;

/// <summary>
/// GitHub-style heading anchors ("why-it-works", "why-it-works-1", …) in linear time. Markdig's own auto-identifier
/// extension looks for a free suffix by counting up from 1 for every repeated heading, so N identical headings cost
/// O(N²) (50,000 "# a" lines took minutes); here each base id remembers its next suffix.
/// </summary>
internal sealed class HeadingIds : IMarkdownExtension
{
    private static readonly object DocumentKey = new();

    /// <summary>Replaces Markdig's auto-identifiers (which the advanced extensions add) by this extension.</summary>
    public static MarkdownPipelineBuilder Use(MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.RemoveAll(e => e is AutoIdentifierExtension);
        pipeline.Extensions.AddIfNotAlready<HeadingIds>();
        return pipeline;
    }

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // ATX headings close in their parser; setext headings ("Title\n=====") close as paragraphs turned headings.
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is { } headings)
        {
            headings.Closed -= OnClosed;
            headings.Closed += OnClosed;
        }

        if (pipeline.BlockParsers.FindExact<ParagraphBlockParser>() is { } paragraphs)
        {
            paragraphs.Closed -= OnClosed;
            paragraphs.Closed += OnClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void OnClosed(BlockProcessor processor, Block block)
    {
        if (block is HeadingBlock heading)
        {
            // The id is the heading's text, which exists only once its inlines are parsed.
            heading.ProcessInlinesEnd += (inlines, _) => Assign(inlines.Document, heading);
        }
    }

    private static void Assign(MarkdownDocument document, HeadingBlock heading)
    {
        var attributes = heading.GetAttributes();
        if (attributes.Id is not null || heading.Inline is null)
        {
            return; // an explicit {#anchor} wins
        }

        if (document.GetData(DocumentKey) is not Registry registry)
        {
            registry = new Registry();
            document.SetData(DocumentKey, registry);
        }

        attributes.Id = registry.Claim(LinkHelper.UrilizeAsGfm(registry.PlainText(heading)));
    }

    /// <summary>The ids handed out in one document, and the next suffix to try for each base id.</summary>
    private sealed class Registry
    {
        private readonly HashSet<string> taken = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> nextSuffix = new(StringComparer.Ordinal);
        private readonly StringWriter text = new();
        private readonly HtmlRenderer plain;

        public Registry() => plain = new HtmlRenderer(text) { EnableHtmlForInline = false, EnableHtmlEscape = false };

        public string PlainText(HeadingBlock heading)
        {
            text.GetStringBuilder().Clear();
            plain.Render(heading.Inline!);
            return text.ToString();
        }

        public string Claim(string urilized)
        {
            var id = urilized.Length == 0 ? "section" : urilized;
            if (taken.Add(id))
            {
                return id;
            }

            // Every suffix is tried at most once per base id, so a document's ids cost linear time in total.
            var suffix = nextSuffix.GetValueOrDefault(id, 1);
            string candidate;
            do
            {
                candidate = id + "-" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                suffix++;
            }
            while (!taken.Add(candidate));

            nextSuffix[id] = suffix;
            return candidate;
        }
    }
}
