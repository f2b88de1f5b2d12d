using KnowledgeKaizen.Lexicon;
using Lucene.Net.Analysis.CharFilters;

namespace KnowledgeKaizen.Search.Analysis;

/// <summary>
/// Folds text before it is tokenised (full-width and other compatibility forms to plain ones, Traditional to
/// Simplified: <see cref="TextFolding"/>), so index and queries meet on one spelling; offsets still point into the
/// text as written, so highlights mark the words the reader sees. With <paramref name="fieldSyntaxAsWords"/> a colon
/// becomes a space (the word-break rules keep "title:pricing" as one token, and typed field syntax is just two words):
/// one character for one, so offsets need no correction, and no second filter (Lucene's mapping filter wraps every
/// field it reads in an 8,192-character buffer, a measurable share of indexing short documents).
/// </summary>
internal sealed class FoldingCharFilter(TextReader input, bool fieldSyntaxAsWords = false) : BaseCharFilter(input)
{
    private StringReader? _folded;

    public override int Read(char[] buffer, int index, int count) => (_folded ??= Fill()).Read(buffer, index, count);

    public override int Read() => (_folded ??= Fill()).Read();

    private StringReader Fill()
    {
        var written = m_input.ReadToEnd();
        var folded = TextFolding.Fold(written);
        if (fieldSyntaxAsWords)
        {
            folded = folded.Replace(':', ' ');
        }

        if (folded.Length != written.Length)
        {
            MapExpansions(written);
        }

        return new StringReader(folded);
    }

    // A character that became several (ﬁ → fi): the extra ones point back at it, and everything after shifts.
    private void MapExpansions(string written)
    {
        var output = 0;
        var cumulative = 0;
        foreach (var c in written)
        {
            var length = TextFolding.Replacement(c)?.Length ?? 1;
            for (var extra = 1; extra < length; extra++)
            {
                AddOffCorrectMap(output + extra, --cumulative);
            }

            output += length;
        }
    }
}
