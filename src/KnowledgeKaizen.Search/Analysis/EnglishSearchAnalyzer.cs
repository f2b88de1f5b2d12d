using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.En;
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

    private static readonly NormalizeCharMap Separators = BuildSeparators();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new TypeTokenFilter(Version, source, CjkTokenTypes);
        result = new EnglishPossessiveFilter(Version, result);
        result = new LowerCaseFilter(Version, result);
        result = new StopFilter(Version, result, EnglishAnalyzer.DefaultStopSet);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    // The word-break rules keep "title:pricing" as one token; split it so typed field syntax is just two words.
    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Separators, reader);

    internal static NormalizeCharMap BuildSeparators()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add(":", " ");
        return builder.Build();
    }
}

/// <summary>Lower-cased, unstemmed words for the spelling dictionary and type-ahead.</summary>
internal sealed class WordAnalyzer(bool keepCjk) : Analyzer
{
    private static readonly NormalizeCharMap Separators = EnglishSearchAnalyzer.BuildSeparators();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(EnglishSearchAnalyzer.Version, reader);
        TokenStream result = keepCjk
            ? source
            : new TypeTokenFilter(EnglishSearchAnalyzer.Version, source, [StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM]], useWhiteList: true);
        result = new LowerCaseFilter(EnglishSearchAnalyzer.Version, result);
        return new TokenStreamComponents(source, result);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Separators, reader);
}
