using System.Text;
using KnowledgeKaizen.Search.Analysis;
using KnowledgeKaizen.Search.Text;
using Lucene.Net.Search.Highlight;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>
/// Builds escaped HTML with &lt;mark&gt; around matches. Titles and bodies are highlighted from the offsets
/// indexed with their English and Chinese postings (no re-analysis, no term vectors); an index built without
/// offsets, and the fuzzy fallback (which matched unstemmed words), re-analyse the text instead.
/// </summary>
internal sealed class Highlighting(SearchAnalyzers analyzers)
{
    private const int FragmentSize = 160;
    private static readonly IFormatter Mark = new SimpleHTMLFormatter("<mark>", "</mark>");
    private static readonly IEncoder Escape = new MinimalHtmlEncoder();
    private static readonly HashSet<string> TitleFields = [IndexFields.TitleEn, IndexFields.TitleZh, IndexFields.TitlePairs];
    private static readonly HashSet<string> BodyFields = [IndexFields.BodyEn, IndexFields.BodyZh, IndexFields.BodyPairs];

    /// <summary>
    /// The words and phrases of a rewritten query, once per search, for <see cref="Title"/> and <see cref="Snippet"/>;
    /// used by one thread (it keeps the search's postings enumerators).
    /// </summary>
    public sealed class Plan(Query query)
    {
        public Query Query { get; } = query;

        internal IReadOnlyList<PostingsMatches.Pattern> Title { get; } = PostingsMatches.Patterns(query, TitleFields);

        internal IReadOnlyList<PostingsMatches.Pattern> Body { get; } = PostingsMatches.Patterns(query, BodyFields);

        internal PostingsMatches.Enumerators Enumerators { get; } = new();
    }

    public string Title(Plan plan, IndexReader reader, int docId, string title)
    {
        var (segment, doc) = Locate(reader, docId);
        if (PostingsMatches.Find(segment, doc, plan.Title, plan.Enumerators) is { } spans)
        {
            return MarkedText.Whole(title, spans);
        }

        var chinese = LanguageDetector.ContainsCjk(title);
        var field = chinese ? IndexFields.TitleZh : IndexFields.TitleEn;
        var highlighter = new Highlighter(Mark, Escape, new QueryScorer(plan.Query, field)) { TextFragmenter = new NullFragmenter() };
        using var tokens = (chinese ? analyzers.Chinese : analyzers.English).GetTokenStream(field, title);
        return highlighter.GetBestFragment(tokens, title) ?? Encode(title);
    }

    // matchedUnstemmed: the query matched the unstemmed word field (fuzzy fallback), so highlight those words.
    public string Snippet(Plan plan, IndexReader reader, int docId, string body, bool matchedUnstemmed)
    {
        if (body.Length == 0)
        {
            return "";
        }

        if (!matchedUnstemmed)
        {
            var (segment, doc) = Locate(reader, docId);
            if (PostingsMatches.Find(segment, doc, plan.Body, plan.Enumerators) is { } spans)
            {
                return MarkedText.BestPassage(body, spans, FragmentSize) ?? Encode(Lead(body));
            }
        }

        var chinese = !matchedUnstemmed && LanguageDetector.ContainsCjk(body);
        var field = matchedUnstemmed ? IndexFields.Spell : chinese ? IndexFields.BodyZh : IndexFields.BodyEn;
        var scorer = new QueryScorer(plan.Query, field);
        var highlighter = new Highlighter(Mark, Escape, scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentSize),
            MaxDocCharsToAnalyze = 100_000,
        };

        using var tokens = (matchedUnstemmed ? analyzers.Words : chinese ? analyzers.Chinese : analyzers.English).GetTokenStream(field, body);
        return highlighter.GetBestFragment(tokens, body) ?? Encode(Lead(body));
    }

    /// <summary>Escapes text that has no match (e.g. a result found by its tags or title only).</summary>
    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        Encode(sb, text);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> with only what HTML needs escaped.</summary>
    public static void Encode(StringBuilder into, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => into.Append("&amp;"),
                '<' => into.Append("&lt;"),
                '>' => into.Append("&gt;"),
                '"' => into.Append("&quot;"),
                '\'' => into.Append("&#39;"),
                _ => into.Append(c),
            };
        }
    }

    private static (AtomicReader Segment, int Doc) Locate(IndexReader reader, int docId)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        return (leaf.AtomicReader, docId - leaf.DocBase);
    }

    private static string Lead(string body)
    {
        if (body.Length <= FragmentSize)
        {
            return body;
        }

        var cut = body.LastIndexOf(' ', FragmentSize);
        return body[..(cut > FragmentSize / 2 ? cut : FragmentSize)] + "…";
    }
}

/// <summary>Escapes only what HTML needs, so Chinese stays readable (the stock encoder writes numeric entities).</summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    public string EncodeText(string originalText) => Highlighting.Encode(originalText);
}
