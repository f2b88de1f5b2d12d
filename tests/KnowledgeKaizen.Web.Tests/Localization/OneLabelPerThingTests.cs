using KnowledgeKaizen.Insights;
using KnowledgeKaizen.Web.Localization;

namespace KnowledgeKaizen.Web.Tests.Localization;

/// <summary>
/// One label per thing per language, checked over the translation files: a stage has the CRM's name in both
/// languages and no second one, every code the portal turns into a name has its Chinese, the same words are translated
/// alike, and the domain's terms use the glossary's one Chinese word.
/// </summary>
public sealed partial class OneLabelPerThingTests
{
    private static readonly Dictionary<string, string> Translations = Directory
        .GetFiles(Path.Combine(RepoPaths.WebProject, "Resources", "zh-Hans"), "*.json")
        .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!)
        .GroupBy(kv => kv.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    /// <summary>
    /// Terms of the glossary (docs: DESIGN) and the one Chinese word each must be translated with, wherever the English
    /// text uses it. Other senses of the same English word are listed as exceptions, each with its reason.
    /// </summary>
    private static readonly (string English, string Chinese)[] Glossary =
    [
        ("playbooks?", "最佳实践手册"),
        ("(service )?cases?", "工单"),
        ("procedures?", "流程"),
        ("complaints?", "投诉"),
        ("courses?", "课程"),
        ("opportunit(y|ies)", "机会"),
        ("feedback", "反馈"),
    ];

    private static readonly HashSet<string> GlossaryExceptions = new(StringComparer.Ordinal)
    {
        "A slug is lower-case letters, digits and hyphens, at most 100 characters.", // letter case
        "Recurring complaints: {0} ({1} cases)", // occurrences of a complaint, not service cases
    };

    [Fact]
    public void EachStage_HasTheCrmsNameInBothLanguages_AndNoOther()
    {
        var stages = File.ReadAllLines(Path.Combine(RepoPaths.SeedData, "stages.csv")).Skip(1)
            .Select(line => line.Split(',')).Select(cells => (Code: cells[0], Name: cells[1], NameZh: cells[2])).ToList();

        Assert.Equal(DocumentKinds.Stages.Order(), stages.Select(s => s.Code).Order());
        foreach (var (code, name, nameZh) in stages)
        {
            Assert.Equal(name, CodeNames.Stages[code]);
            Assert.Equal(nameZh, Translations.GetValueOrDefault(name));
            var other = Translations.Where(t => string.Equals(t.Key, code, StringComparison.OrdinalIgnoreCase) && t.Value != nameZh).ToList();
            Assert.True(other.Count == 0, $"Stage {code} has another Chinese label: " + string.Join(", ", other));
        }
    }

    [Fact]
    public void EveryCodeTheCatalogueNames_HasAChineseTranslation()
    {
        var missing = CodeNames.AllLabels.Where(label => !Translations.ContainsKey(label)).Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing zh-Hans translations:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EverySentenceTheInsightsCompose_HasAChineseTranslation_WithTheSameArguments() =>
        AssertTranslated(InsightMessages.All, format => Placeholder().Matches(format).Select(m => m.Groups[1].Value));

    [Fact]
    public void EverySentenceTheImportsCompose_HasAChineseTranslation_WithTheSameArguments_CountsStillCounts() =>
        AssertTranslated(ImportMessages.All, format => Placeholder().Matches(format).Select(m => m.Value));

    /// <summary>Each format has its Chinese, with the same placeholders (<paramref name="placeholders"/> says what must match).</summary>
    /// <remarks>The insights pass their numbers back as written, so only the indexes count; the imports' counts are numbers, formatted by the Chinese text too.</remarks>
    private static void AssertTranslated(IEnumerable<string> formats, Func<string, IEnumerable<string>> placeholders)
    {
        var missing = formats.Where(format => !Translations.TryGetValue(format, out var chinese) || Arguments(chinese) != Arguments(format)).ToList();
        Assert.True(missing.Count == 0, "Missing or different zh-Hans translations:\n" + string.Join("\n", missing));

        string Arguments(string format) => string.Join(",", placeholders(format).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheSameWords_AreTranslatedAlike_WhateverTheirCaseOrClosingPunctuation()
    {
        var conflicts = Translations.GroupBy(t => Normalised(t.Key), StringComparer.Ordinal)
            .Where(g => g.Select(t => NormalisedChinese(t.Value)).Distinct().Count() > 1)
            .Select(g => string.Join(" | ", g.Select(t => $"{t.Key} = {t.Value}")))
            .ToList();
        Assert.True(conflicts.Count == 0, "Translated two ways:\n" + string.Join("\n", conflicts));
    }

    [Fact]
    public void GlossaryTerms_UseTheirOneChineseWord()
    {
        var offenders = (from t in Translations
                         from term in Glossary
                         where !GlossaryExceptions.Contains(t.Key)
                               && Regex.IsMatch(t.Key, $@"\b{term.English}\b", RegexOptions.IgnoreCase)
                               && !t.Value.Contains(term.Chinese, StringComparison.Ordinal)
                         select $"{t.Key} = {t.Value} (needs {term.Chinese})").ToList();
        Assert.True(offenders.Count == 0, "Glossary terms translated another way:\n" + string.Join("\n", offenders));
    }

    private static string Normalised(string english) => TrailingPunctuation().Replace(english.Trim(), string.Empty).ToLowerInvariant();

    private static string NormalisedChinese(string chinese) => ChinesePunctuation().Replace(chinese, string.Empty);

    [GeneratedRegex(@"[.:!?…]+$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"[。：！？（）()…\s]")]
    private static partial Regex ChinesePunctuation();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
