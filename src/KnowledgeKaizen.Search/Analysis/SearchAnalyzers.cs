using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;

namespace KnowledgeKaizen.Search.Analysis;

/// <summary>
/// The analyzers of every field, shared by indexing and querying so both see the same terms.
/// One instance per index: Lucene analyzers reuse per-thread token streams and are thread-safe.
/// </summary>
internal sealed class SearchAnalyzers : IDisposable
{
    public SearchAnalyzers()
    {
        English = new EnglishSearchAnalyzer();
        Chinese = new ChineseSearchAnalyzer();
        Words = new WordAnalyzer(keepCjk: false);
        TitleWords = new WordAnalyzer(keepCjk: true);
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            [IndexFields.Spell] = Words,
            [IndexFields.TitleWords] = TitleWords,
        };
        foreach (var field in IndexFields.ChineseTextFields)
        {
            perField[field] = Chinese;
        }

        ChinesePairs = new ChineseBigramAnalyzer();
        foreach (var field in IndexFields.ChinesePairFields)
        {
            perField[field] = ChinesePairs;
        }

        PerField = new PerFieldAnalyzerWrapper(English, perField);
    }

    /// <summary>Standard tokenizer, possessives, lower case, stop words, Porter stems; CJK dropped.</summary>
    public Analyzer English { get; }

    /// <summary>SmartCn word segmentation of folded text (it also lower-cases and Porter-stems Latin words).</summary>
    public Analyzer Chinese { get; }

    /// <summary>Overlapping character pairs of Chinese text: where term-map terms are matched.</summary>
    public Analyzer ChinesePairs { get; }

    /// <summary>Unstemmed lower-case Latin words: the dictionary for "did you mean".</summary>
    public Analyzer Words { get; }

    /// <summary>Unstemmed lower-case words and single CJK characters of titles: type-ahead.</summary>
    public Analyzer TitleWords { get; }

    /// <summary>Picks the analyzer by field name; given to the IndexWriter.</summary>
    public Analyzer PerField { get; }

    public Analyzer For(string field) => IndexFields.ChineseTextFields.Contains(field) ? Chinese : English;

    public void Dispose()
    {
        PerField.Dispose();
        English.Dispose();
        Chinese.Dispose();
        ChinesePairs.Dispose();
        Words.Dispose();
        TitleWords.Dispose();
    }
}
