using System.Reflection;

namespace KnowledgeKaizen.Core;

/// <summary>
/// What a catalogue of stored sentences (a static class of English composite formats, e.g. the import messages and the
/// insight messages) shares: its list of formats, for the pages that read stored sentences back, and how a sentence is
/// composed for storage.
/// </summary>
public static class SentenceCatalogue
{
    /// <summary>Every <c>const string</c> of <paramref name="catalogue"/>.</summary>
    public static IReadOnlyList<string> FormatsOf(Type catalogue) => [.. catalogue.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>The sentence as stored: numbers in the invariant culture, so the pages read them back unchanged.</summary>
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
