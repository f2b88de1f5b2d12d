using System.Text.RegularExpressions;

namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// Checks a mapping's definition before it is saved or used: its name, kind and fields, that every rule has one source,
/// that rules, formats, lookups, conditions and the stage derivation are ones the portal knows. Whether the file has
/// the columns is checked against each file's header when it is imported.
/// </summary>
public static partial class MappingValidation
{
    /// <summary>Portal tables a lookup can read (besides the mapping's companion files).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> PortalTables = new Dictionary<string, IReadOnlyList<string>>
    {
        ["customers"] = ["external_id", "name", "industry", "region"],
        ["reps"] = ["external_id", "name", "email", "team", "region"],
    };

    private static readonly string[] Shapes = ["events", "field-history", "entered-columns"];
    private static readonly string[] StateMeanings = ["won", "lost", "reopened", "ignore"];

    /// <summary>Letters (any script), digits, '-', '_' and '.', 1 to 64 characters, starting with a letter or digit.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>Every problem with the definition, in English; empty when it is sound.</summary>
    public static IReadOnlyList<string> Validate(ImportMapping mapping)
    {
        var errors = new List<string>();
        if (!IsValidName(mapping.Name))
        {
            errors.Add($"The name '{mapping.Name}' is not valid: use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit.");
        }

        if (!ImportKinds.TryParse(mapping.Kind, out var kind))
        {
            errors.Add($"'{mapping.Kind}' is not a kind: {string.Join(", ", ImportKinds.LoadOrder.Select(k => k.Slug()))}.");
            return errors;
        }

        if (!DateReader.TryResolveZone(mapping.TimeZone, out _))
        {
            errors.Add($"'{mapping.TimeZone}' is not a time zone (an IANA id such as Asia/Shanghai, or an offset such as +08:00).");
        }

        var columns = kind.Columns().Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var companions = mapping.Companions.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var companion in mapping.Companions.Where(c => !IsValidName(c.Name) || PortalTables.ContainsKey(c.Name)))
        {
            errors.Add($"'{companion.Name}' cannot name a companion file.");
        }

        var context = new Context(errors, columns, companions);
        foreach (var (field, rule) in mapping.Fields)
        {
            if (!columns.Contains(field))
            {
                errors.Add($"'{field}' is not a column of {kind.Slug()} ({string.Join(", ", columns)}).");
            }

            Check(rule, field, context);
        }

        foreach (var condition in mapping.Keep)
        {
            Check(condition, "a filter", context);
        }

        if (mapping.Each is { } each)
        {
            Check(each, "each", context);
            if (each.Json != "*")
            {
                errors.Add("each needs \"json\": \"*\" (one row per element of a JSON array).");
            }
        }

        if (mapping.Derive is { } derive)
        {
            CheckDerivation(derive, kind, context);
        }
        else if (kind == ImportKind.StageHistory && mapping.Fields.Count == 0)
        {
            errors.Add("A stage-history mapping needs fields or a derivation.");
        }

        return errors;
    }

    private static void CheckDerivation(StageDerivationRule derive, ImportKind kind, Context context)
    {
        var errors = context.Errors;
        if (kind != ImportKind.StageHistory)
        {
            errors.Add("Only a stage-history mapping can derive rows from stage changes.");
        }

        if (!Shapes.Contains(derive.Shape))
        {
            errors.Add($"'{derive.Shape}' is not a shape: {string.Join(", ", Shapes)}.");
        }

        Check(derive.Opportunity, "the opportunity", context);
        var needed = derive.Shape switch
        {
            "events" => new[] { ("at", derive.At), ("stage", derive.Stage) },
            "field-history" => [("at", derive.At), ("fieldName", derive.FieldName), ("oldValue", derive.OldValue), ("newValue", derive.NewValue)],
            _ => [],
        };
        foreach (var (name, rule) in needed)
        {
            if (rule is null)
            {
                errors.Add($"A {derive.Shape} derivation needs {name}.");
            }
            else
            {
                Check(rule, name, context);
            }
        }

        if (derive.Shape == "field-history" && derive.StageFields.Count == 0)
        {
            errors.Add("A field-history derivation needs stageFields (the names of the stage field).");
        }

        if (derive.Shape == "entered-columns" && (derive.EnteredColumns.Count == 0 || derive.EnteredColumns.Any(p => !p.Contains("{stage}", StringComparison.Ordinal))))
        {
            errors.Add("An entered-columns derivation needs enteredColumns, each with a {stage} placeholder.");
        }

        if (!DateReader.IsValidFormat(derive.EnteredFormat))
        {
            errors.Add($"'{derive.EnteredFormat}' is not a date format.");
        }

        if (derive.Stages.Count == 0)
        {
            errors.Add("The derivation needs a stage map.");
        }

        foreach (var (value, meaning) in derive.States ?? new Dictionary<string, string>())
        {
            if (!StateMeanings.Contains(meaning))
            {
                errors.Add($"The state '{value}' means '{meaning}'; a state means {string.Join(", ", StateMeanings)}.");
            }
        }

        if (derive.Records is { } records && !context.Companions.Contains(records.Companion))
        {
            errors.Add($"The records file '{records.Companion}' is not one of the mapping's companion files.");
        }
    }

    private static void Check(FieldRule rule, string where, Context context)
    {
        var errors = context.Errors;
        var sources = new object?[] { rule.Column is { Count: > 0 } ? rule.Column : null, rule.Value, rule.Template, rule.Field, rule.Element ? true : null, rule.Lookup, rule.Coalesce }
            .Count(s => s is not null);
        if (sources != 1)
        {
            errors.Add($"The rule of {where} needs exactly one source (column, value, template, field, element, lookup or coalesce); it has {sources}.");
        }

        if (rule.Field is { } field && !context.Columns.Contains(field))
        {
            errors.Add($"The rule of {where} refers to {field}, which is not a column of this kind.");
        }

        if (rule.Rule is { } name)
        {
            if (!PortalRules.Names.Contains(name))
            {
                errors.Add($"'{name}' is not a rule: {string.Join(", ", PortalRules.Names)}.");
            }
            else if (PortalRules.NeedsSurvey(name) && rule.Survey is null)
            {
                errors.Add($"The rule {name} of {where} needs survey (where the survey type is).");
            }
        }

        if (!DateReader.IsValidFormat(rule.Format))
        {
            errors.Add($"'{rule.Format}' (the format of {where}) is not a date format.");
        }

        if (rule.Json is { } path && !JsonPathPattern().IsMatch(path))
        {
            errors.Add($"'{path}' (the JSON path of {where}) is not a path: use names and indexes separated by '.', or *.");
        }

        if (rule.Lookup is { } lookup)
        {
            PortalTables.TryGetValue(lookup.In, out var portalColumns);
            if (portalColumns is null && !context.Companions.Contains(lookup.In))
            {
                errors.Add($"The lookup of {where} reads '{lookup.In}', which is neither a portal table ({string.Join(", ", PortalTables.Keys)}) nor a companion file.");
            }

            if (portalColumns is not null && (!portalColumns.Contains(lookup.Take) || !portalColumns.Contains(lookup.Match ?? "external_id")))
            {
                errors.Add($"The lookup of {where} in {lookup.In} can match and take only {string.Join(", ", portalColumns)}.");
            }

            if (lookup.Pick is { } pick && pick is not ("first" or "last"))
            {
                errors.Add($"The lookup of {where} picks '{pick}'; use first or last.");
            }

            if (lookup.Pick is not null && lookup.OrderBy is null)
            {
                errors.Add($"The lookup of {where} picks one row, so it needs orderBy.");
            }

            Check(lookup.Key, where, context);
            if (lookup.NotAfter is { } notAfter)
            {
                Check(notAfter, where, context);
            }

            foreach (var condition in lookup.Where)
            {
                Check(condition, where, context);
            }
        }

        foreach (var branch in rule.Coalesce ?? [])
        {
            Check(branch, where, context);
        }

        if (rule.Survey is { } survey)
        {
            Check(survey, where, context);
        }

        if (rule.When is { } when)
        {
            Check(when, where, context);
        }
    }

    private static void Check(Condition condition, string where, Context context)
    {
        var combinations = new object?[] { condition.Any, condition.All, condition.Not }.Count(c => c is not null);
        var targets = new object?[] { condition.Column, condition.Field }.Count(t => t is not null);
        var tests = new object?[] { condition.EqualTo, condition.In, condition.NotIn, condition.StartsWith, condition.Empty }.Count(t => t is not null);
        if (combinations + targets != 1 || (targets == 1 && tests == 0) || (combinations == 1 && tests > 0))
        {
            context.Errors.Add($"A condition of {where} needs either one value (column or field) with tests (equals, in, notIn, startsWith, empty), or any, all or not.");
        }

        if (condition.Field is { } field && !context.Columns.Contains(field))
        {
            context.Errors.Add($"A condition of {where} refers to {field}, which is not a column of this kind.");
        }

        foreach (var inner in (condition.Any ?? []).Concat(condition.All ?? []).Concat(condition.Not is null ? [] : [condition.Not]))
        {
            Check(inner, where, context);
        }
    }

    private sealed record Context(List<string> Errors, HashSet<string> Columns, HashSet<string> Companions);

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(\*|[^.\s]+(\.[^.\s]+)*)$")]
    private static partial Regex JsonPathPattern();
}
