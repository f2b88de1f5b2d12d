using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;

namespace KnowledgeKaizen.Search.Analysis;

/// <summary>
/// SmartChineseAnalyzer's chain (HMM word segmentation, lower case, Porter stems for Latin words, its punctuation stop
/// set) over folded text: Traditional characters reach the Simplified dictionary, so 轉化率 segments like 转化率.
/// </summary>
internal sealed class ChineseSearchAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new HMMChineseTokenizer(reader);
        TokenStream result = new PorterStemFilter(source);
        result = new StopFilter(EnglishSearchAnalyzer.Version, result, SmartChineseAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(source, result);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);
}
