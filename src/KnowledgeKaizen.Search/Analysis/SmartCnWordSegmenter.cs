using KnowledgeKaizen.Lexicon;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeKaizen.Search.Analysis;

/// <summary>
/// <see cref="IWordSegmenter"/> with the engine's own Chinese segmentation (SmartCn's dictionary over folded text);
/// words are not stemmed, so they read as written.
/// </summary>
public sealed class SmartCnWordSegmenter : IWordSegmenter, IDisposable
{
    private readonly Analyzer _words = new SegmentingAnalyzer();

    public IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = _words.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (term.Length > 0)
            {
                words.Add(term.ToString());
            }
        }

        stream.End();
        return words;
    }

    public void Dispose() => _words.Dispose();

    private sealed class SegmentingAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new HMMChineseTokenizer(reader);
            return new TokenStreamComponents(source, new StopFilter(EnglishSearchAnalyzer.Version, source, SmartChineseAnalyzer.DefaultStopSet));
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);
    }
}
