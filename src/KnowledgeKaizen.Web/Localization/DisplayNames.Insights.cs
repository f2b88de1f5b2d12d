using KnowledgeKaizen.Insights;
using KnowledgeKaizen.Insights.ExpectedOutcome;

namespace KnowledgeKaizen.Web.Localization;

/// <summary>
/// The Insights back end's sentences (<see cref="InsightMessages"/>) in the reader's language: they are stored in English
/// as composed, and read back here by their format — which is also the localisation key — with the same numbers.
/// </summary>
public sealed partial class DisplayNames
{
    private static readonly SentenceFormats InsightFormats = new(InsightMessages.All);

    /// <summary>
    /// A sentence the Insights back end composed, translated, its reasons within translated too; a text no format matches
    /// (an error's own message) is shown as it is.
    /// </summary>
    public string InsightMessage(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return string.Empty;
        }

        return InsightFormats.Read(stored) is { } sentence ? l[sentence.Format, [.. sentence.Arguments.Select(a => (object)Argument(a))]] : stored;
    }

    /// <summary>
    /// A training algorithm by name: LightGBM and FastTree are names in every language; the base-rate model is described.
    /// </summary>
    public string Trainer(string? trainer) =>
        trainer == ExpectedOutcomeModel.BaseRateTrainer ? l["Each stage's base rate"] : trainer ?? string.Empty;

    /// <summary>An argument read back from a sentence: a sentence itself (a reason), a trainer, or a number as it was written.</summary>
    private string Argument(string value) => value == ExpectedOutcomeModel.BaseRateTrainer ? Trainer(value) : InsightMessage(value);
}
