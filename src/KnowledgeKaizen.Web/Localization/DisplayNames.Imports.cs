namespace KnowledgeKaizen.Web.Localization;

/// <summary>
/// The import back end's sentences (<see cref="ImportMessages"/>) in the reader's language: a row's or a file's problem,
/// a mapping's problem, a warning, why an import stopped. They are stored in English as composed, and read back here by
/// their format — which is also the localisation key — with the same values; counts are formatted for the reader.
/// </summary>
public sealed partial class DisplayNames
{
    private static readonly SentenceFormats ImportFormats = new(ImportMessages.All);

    /// <summary>
    /// A sentence the import back end composed, translated, the sentences within it (a companion file's problem, an
    /// error's message) translated too; a text no format matches (a parser's own message, history written before the
    /// catalogue) is shown as it is.
    /// </summary>
    public string ImportMessage(string? stored) => string.IsNullOrWhiteSpace(stored) ? string.Empty : Import(stored) ?? stored;

    private string? Import(string stored)
    {
        if (ImportFormats.Read(stored) is not { } sentence)
        {
            return null;
        }

        var arguments = sentence.Arguments.Select((value, i) => sentence.Counts[i] && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var count)
            ? count
            : (object)(Import(value) ?? value));
        return l[sentence.Format, [.. arguments]];
    }
}
