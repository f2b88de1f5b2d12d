using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;

namespace KnowledgeKaizen.Search.Analysis;

/// <summary>
/// EnglishAnalyzer's chain (so "conversion" and "converted" share a stem) minus CJK characters, which the
/// Chinese fields index as words instead of the single characters the standard tokenizer would give.
/// </summary>
internal sealed class EnglishSearchAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    internal static readonly string[] CjkTokenTypes =
    [
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL],
    ];

    /// <summary>
    /// Porter leaves some word families of our domain apart ("conversion" → "convers", "converted" →
    /// "convert"); these nouns are pinned to their verb's stem so a search for one finds the other.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> StemOverrides = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["conversion"] = "convert",
        ["conversions"] = "convert",
        ["quotation"] = "quot",
        ["quotations"] = "quot",
        ["resolution"] = "resolv",
        ["resolutions"] = "resolv",
        ["satisfaction"] = "satisfi",
        ["qualification"] = "qualifi",
        ["qualifications"] = "qualifi",
        ["retention"] = "retain",
    };

    private static readonly StemmerOverrideFilter.StemmerOverrideMap Overrides = BuildOverrides();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new TypeTokenFilter(Version, source, CjkTokenTypes);
        result = new EnglishPossessiveFilter(Version, result);
        result = new LowerCaseFilter(Version, result);
        result = new StopFilter(Version, result, EnglishAnalyzer.DefaultStopSet);
        result = new StemmerOverrideFilter(result, Overrides);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    // Folded first (ＣＲＭ → CRM), and "title:pricing" split into two words.
    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader, fieldSyntaxAsWords: true);

    private static StemmerOverrideFilter.StemmerOverrideMap BuildOverrides()
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        foreach (var (word, stem) in StemOverrides)
        {
            builder.Add(word, stem);
        }

        return builder.Build();
    }
}

/// <summary>Lower-cased, unstemmed words for the spelling dictionary and type-ahead.</summary>
internal sealed class WordAnalyzer(bool keepCjk) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(EnglishSearchAnalyzer.Version, reader);
        TokenStream result = keepCjk
            ? source
            : new TypeTokenFilter(EnglishSearchAnalyzer.Version, source, [StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM]], useWhiteList: true);
        result = new LowerCaseFilter(EnglishSearchAnalyzer.Version, result);
        return new TokenStreamComponents(source, result);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader, fieldSyntaxAsWords: true);
}
