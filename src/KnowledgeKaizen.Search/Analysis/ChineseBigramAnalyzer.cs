using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;

namespace KnowledgeKaizen.Search.Analysis;

/// <summary>
/// Overlapping character pairs of folded Chinese text (蜂鸟套餐 → 蜂鸟, 鸟套, 套餐): the same pairs wherever the text
/// stands, unlike dictionary segmentation, which splits a word differently by its neighbours (蜂鸟|套|餐 in one sentence,
/// 蜂鸟|套餐 alone). Term-map terms are searched on them, so a term is found however the sentence around it segments.
/// </summary>
internal sealed class ChineseBigramAnalyzer : Analyzer
{
    private static readonly string[] PairTypes = [CJKBigramFilter.DOUBLE_TYPE, CJKBigramFilter.SINGLE_TYPE];

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(EnglishSearchAnalyzer.Version, reader);
        TokenStream result = new CJKBigramFilter(source, CJKScript.HAN);
        result = new TypeTokenFilter(EnglishSearchAnalyzer.Version, result, PairTypes, useWhiteList: true);
        return new TokenStreamComponents(source, result);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);
}
