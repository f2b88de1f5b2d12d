using System.Text;
using System.Text.RegularExpressions;
using KnowledgeKaizen.Insights;
using KnowledgeKaizen.Insights.ExpectedOutcome;

namespace KnowledgeKaizen.Web.Localization;

/// <summary>
/// The Insights back end's sentences (<see cref="InsightMessages"/>) in the reader's language: they are stored in English
/// as composed, and read back here by their format — which is also the localisation key — with the same numbers.
/// </summary>
public sealed partial class DisplayNames
{
    /// <summary>Each format with the pattern that reads its arguments back, the most literal text first so a longer format wins.</summary>
    private static readonly (string Format, Regex Pattern, int Arguments)[] InsightFormats = [.. InsightMessages.All
        .OrderByDescending(f => Placeholder().Replace(f, string.Empty).Length)
        .Select(f => (f, PatternOf(f), Placeholder().Matches(f).Select(p => int.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max()))];

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

        foreach (var (format, pattern, count) in InsightFormats)
        {
            var match = pattern.Match(stored);
            if (match.Success)
            {
                return l[format, [.. Enumerable.Range(0, count).Select(i => (object)Argument(match.Groups["a" + i].Value))]];
            }
        }

        return stored;
    }

    /// <summary>
    /// A training algorithm by name: LightGBM and FastTree are names in every language; the base-rate model is described.
    /// </summary>
    public string Trainer(string? trainer) =>
        trainer == ExpectedOutcomeModel.BaseRateTrainer ? l["Each stage's base rate"] : trainer ?? string.Empty;

    /// <summary>An argument read back from a sentence: a sentence itself (a reason), a trainer, or a number as it was written.</summary>
    private string Argument(string value) => value == ExpectedOutcomeModel.BaseRateTrainer ? Trainer(value) : InsightMessage(value);

    private static Regex PatternOf(string format)
    {
        var pattern = new StringBuilder("^");
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(format))
        {
            pattern.Append(Regex.Escape(format[at..placeholder.Index])).Append("(?<a").Append(placeholder.Groups[1].Value).Append(">.+?)");
            at = placeholder.Index + placeholder.Length;
        }

        return new Regex(pattern.Append(Regex.Escape(format[at..])).Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
