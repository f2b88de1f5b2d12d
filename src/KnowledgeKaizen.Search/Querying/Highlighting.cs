using System.Text;
using KnowledgeKaizen.Search.Analysis;
using KnowledgeKaizen.Search.Indexing;
using KnowledgeKaizen.Search.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace KnowledgeKaizen.Search.Querying;

/// <summary>
/// Builds escaped HTML with &lt;mark&gt; around matches. Chinese bodies are highlighted from their stored term
/// vectors (offsets already known); English bodies are re-analysed, which is fast.
/// </summary>
internal sealed class Highlighting(SearchAnalyzers analyzers)
{
    private const int FragmentSize = 160;
    private static readonly IFormatter Mark = new SimpleHTMLFormatter("<mark>", "</mark>");
    private static readonly IEncoder Escape = new MinimalHtmlEncoder();

    public string Title(Query query, string title)
    {
        var chinese = LanguageDetector.ContainsCjk(title);
        var field = chinese ? IndexFields.TitleZh : IndexFields.TitleEn;
        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(Mark, Escape, scorer) { TextFragmenter = new NullFragmenter() };
        using var tokens = (chinese ? analyzers.Chinese : analyzers.English).GetTokenStream(field, title);
        return highlighter.GetBestFragment(tokens, title) ?? Encode(title);
    }

    // matchedUnstemmed: the query matched the unstemmed word field (fuzzy fallback), so highlight those words.
    public string Snippet(Query query, IndexReader reader, int docId, string body, bool matchedUnstemmed)
    {
        if (body.Length == 0)
        {
            return "";
        }

        var chinese = !matchedUnstemmed && LanguageDetector.ContainsCjk(body);
        var field = matchedUnstemmed ? IndexFields.Spell : chinese ? IndexFields.BodyZh : IndexFields.BodyEn;
        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(Mark, Escape, scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentSize),
            MaxDocCharsToAnalyze = 100_000,
        };

        var vector = chinese ? reader.GetTermVector(docId, field) : null;
        using var tokens = vector is not null
            ? TokenSources.GetTokenStream(vector, tokenPositionsGuaranteedContiguous: false)
            : (matchedUnstemmed ? analyzers.Words : analyzers.English).GetTokenStream(field, body);
        var fragment = highlighter.GetBestFragment(tokens, body);
        return fragment ?? Encode(Lead(body));
    }

    /// <summary>Escapes text that has no match (e.g. a result found by its tags or title only).</summary>
    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
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
