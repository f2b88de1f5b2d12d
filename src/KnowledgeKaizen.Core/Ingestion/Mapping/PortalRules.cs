namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// The portal's own translations that no CRM field holds (docs/data-formats.md, "Portal rules"): a segment from the
/// employee count, a category key from a label, Salesforce's 18-character ids from 15-character ones, and a feedback
/// type and 1..5 score from a survey answer.
/// </summary>
public static class PortalRules
{
    /// <summary>Employees → segment: under 100 smb, under 1,000 mid, otherwise enterprise.</summary>
    public const string Segment = "segment";

    /// <summary>A label → a category key: lower case, spaces to '_' ("Equipment Complexity" → equipment_complexity).</summary>
    public const string Category = "category";

    /// <summary>A 15-character case-sensitive Salesforce id → its 18-character form (reports give the short one).</summary>
    public const string SalesforceId18 = "salesforce-id18";

    /// <summary>A survey answer → complaint, suggestion or praise, by the survey's scale (needs the survey type).</summary>
    public const string SurveyType = "survey-type";

    /// <summary>A survey answer → the portal's 1..5 score (needs the survey type).</summary>
    public const string SurveyScore = "survey-score";

    public static IReadOnlyList<string> Names { get; } = [Segment, Category, SalesforceId18, SurveyType, SurveyScore];

    public static bool NeedsSurvey(string rule) => rule is SurveyType or SurveyScore;

    /// <summary>Applies <paramref name="rule"/>; on failure <paramref name="result"/> is the reason.</summary>
    public static bool TryApply(string rule, string value, string? survey, out string result)
    {
        switch (rule)
        {
            case Segment:
                if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var employees) || employees < 0)
                {
                    result = ImportMessages.Format(ImportMessages.NotEmployeeCount, value);
                    return false;
                }

                result = employees < 100 ? "smb" : employees < 1000 ? "mid" : "enterprise";
                return true;
            case Category:
                result = string.Join('_', value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                return true;
            case SalesforceId18:
                return TrySalesforceId18(value, out result);
            case SurveyType or SurveyScore:
                return TrySurvey(rule, value, survey, out result);
            default:
                result = ImportMessages.Format(ImportMessages.UnknownRule, rule);
                return false;
        }
    }

    private static bool TrySalesforceId18(string value, out string result)
    {
        if (value.Length == 18)
        {
            result = value;
            return true;
        }

        if (value.Length != 15 || !value.All(char.IsAsciiLetterOrDigit))
        {
            result = ImportMessages.Format(ImportMessages.NotSalesforceId, value);
            return false;
        }

        // Per chunk of five, bit i is set when character i is an upper-case letter; the bits pick the suffix character.
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
        var suffix = new StringBuilder(3);
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(value[(chunk * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            suffix.Append(Alphabet[bits]);
        }

        result = value + suffix;
        return true;
    }

    /// <summary>NPS 0–10 (9–10 praise, 7–8 suggestion), CSAT 1–5 (4–5 praise, 3 suggestion), CES 1–7 (5–7 praise, 4 suggestion).</summary>
    private static bool TrySurvey(string rule, string value, string? survey, out string result)
    {
        var kind = survey?.Trim().ToUpperInvariant();
        (int Min, int Max)? scale = kind switch
        {
            "NPS" => (0, 10),
            "CSAT" => (1, 5),
            "CES" => (1, 7),
            _ => null,
        };
        if (scale is null)
        {
            result = ImportMessages.Format(ImportMessages.UnknownSurvey, survey);
            return false;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var answer) || answer < scale.Value.Min || answer > scale.Value.Max)
        {
            result = ImportMessages.Format(ImportMessages.NotSurveyAnswer, value, kind, scale.Value.Min, scale.Value.Max);
            return false;
        }

        if (rule == SurveyType)
        {
            var (praise, suggestion) = kind switch { "NPS" => (9, 7), "CSAT" => (4, 3), _ => (5, 4) };
            result = answer >= praise ? "praise" : answer >= suggestion ? "suggestion" : "complaint";
            return true;
        }

        var score = kind switch
        {
            "NPS" => Math.Max(1, (answer + 1) / 2),
            "CSAT" => answer,
            _ => 1 + (int)Math.Floor(((answer - 1) * 4 / 6.0) + 0.5),
        };
        result = score.ToString(CultureInfo.InvariantCulture);
        return true;
    }
}
