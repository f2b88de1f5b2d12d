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
            errors.Add(ImportMessages.Format(ImportMessages.InvalidName, mapping.Name));
        }

        if (!ImportKinds.TryParse(mapping.Kind, out var kind))
        {
            errors.Add(ImportMessages.Format(ImportMessages.NotKind, mapping.Kind, string.Join(", ", ImportKinds.LoadOrder.Select(k => k.Slug()))));
            return errors;
        }

        if (!DateReader.TryResolveZone(mapping.TimeZone, out _))
        {
            errors.Add(ImportMessages.Format(ImportMessages.NotTimeZone, mapping.TimeZone));
        }

        var columns = kind.Columns().Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var companions = mapping.Companions.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var companion in mapping.Companions.Where(c => !IsValidName(c.Name) || PortalTables.ContainsKey(c.Name)))
        {
            errors.Add(ImportMessages.Format(ImportMessages.NotCompanionName, companion.Name));
        }

        var context = new Context(errors, columns, companions);
        foreach (var (field, rule) in mapping.Fields)
        {
            if (!columns.Contains(field))
            {
                errors.Add(ImportMessages.Format(ImportMessages.NotColumnOfKind, field, kind.Slug(), string.Join(", ", columns)));
            }

            Check(rule, field, context);
        }

        foreach (var condition in mapping.Keep)
        {
            Check(condition, ImportMessages.AFilter, context);
        }

        if (mapping.Each is { } each)
        {
            Check(each, "each", context);
            if (each.Json != "*")
            {
                errors.Add(ImportMessages.EachNeedsElements);
            }
        }

        if (mapping.Derive is { } derive)
        {
            CheckDerivation(derive, kind, context);
        }
        else if (kind == ImportKind.StageHistory && mapping.Fields.Count == 0)
        {
            errors.Add(ImportMessages.StageHistoryNeedsFields);
        }

        return errors;
    }

    private static void CheckDerivation(StageDerivationRule derive, ImportKind kind, Context context)
    {
        var errors = context.Errors;
        if (kind != ImportKind.StageHistory)
        {
            errors.Add(ImportMessages.OnlyStageHistoryDerives);
        }

        if (!Shapes.Contains(derive.Shape))
        {
            errors.Add(ImportMessages.Format(ImportMessages.NotShape, derive.Shape, string.Join(", ", Shapes)));
        }

        Check(derive.Opportunity, ImportMessages.TheOpportunity, context);
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
                errors.Add(ImportMessages.Format(ImportMessages.DerivationNeeds, derive.Shape, name));
            }
            else
            {
                Check(rule, name, context);
            }
        }

        if (derive.Shape == "field-history" && derive.StageFields.Count == 0)
        {
            errors.Add(ImportMessages.FieldHistoryNeedsStageFields);
        }

        if (derive.Shape == "entered-columns" && (derive.EnteredColumns.Count == 0 || derive.EnteredColumns.Any(p => !p.Contains("{stage}", StringComparison.Ordinal))))
        {
            errors.Add(ImportMessages.Format(ImportMessages.EnteredColumnsNeedPlaceholder));
        }

        if (!DateReader.IsValidFormat(derive.EnteredFormat))
        {
            errors.Add(ImportMessages.Format(ImportMessages.NotDateFormat, derive.EnteredFormat));
        }

        if (derive.Stages.Count == 0)
        {
            errors.Add(ImportMessages.NeedsStageMap);
        }

        foreach (var (value, meaning) in derive.States ?? new Dictionary<string, string>())
        {
            if (!StateMeanings.Contains(meaning))
            {
                errors.Add(ImportMessages.Format(ImportMessages.NotStateMeaning, value, meaning, string.Join(", ", StateMeanings)));
            }
        }

        if (derive.Records is { } records && !context.Companions.Contains(records.Companion))
        {
            errors.Add(ImportMessages.Format(ImportMessages.RecordsNotCompanion, records.Companion));
        }
    }

    private static void Check(FieldRule rule, string where, Context context)
    {
        var errors = context.Errors;
        var sources = new object?[] { rule.Column is { Count: > 0 } ? rule.Column : null, rule.Value, rule.Template, rule.Field, rule.Element ? true : null, rule.Lookup, rule.Coalesce }
            .Count(s => s is not null);
        if (sources != 1)
        {
            errors.Add(ImportMessages.Format(ImportMessages.OneSource, where, sources));
        }

        if (rule.Field is { } field && !context.Columns.Contains(field))
        {
            errors.Add(ImportMessages.Format(ImportMessages.RuleRefersToUnknownField, where, field));
        }

        if (rule.Rule is { } name)
        {
            if (!PortalRules.Names.Contains(name))
            {
                errors.Add(ImportMessages.Format(ImportMessages.NotRule, name, string.Join(", ", PortalRules.Names)));
            }
            else if (PortalRules.NeedsSurvey(name) && rule.Survey is null)
            {
                errors.Add(ImportMessages.Format(ImportMessages.RuleNeedsSurvey, name, where));
            }
        }

        if (!DateReader.IsValidFormat(rule.Format))
        {
            errors.Add(ImportMessages.Format(ImportMessages.NotDateFormatOf, rule.Format, where));
        }

        if (rule.Json is { } path && !JsonPathPattern().IsMatch(path))
        {
            errors.Add(ImportMessages.Format(ImportMessages.NotJsonPath, path, where));
        }

        if (rule.Lookup is { } lookup)
        {
            PortalTables.TryGetValue(lookup.In, out var portalColumns);
            if (portalColumns is null && !context.Companions.Contains(lookup.In))
            {
                errors.Add(ImportMessages.Format(ImportMessages.LookupTableUnknown, where, lookup.In, string.Join(", ", PortalTables.Keys)));
            }

            if (portalColumns is not null && (!portalColumns.Contains(lookup.Take) || !portalColumns.Contains(lookup.Match ?? "external_id")))
            {
                errors.Add(ImportMessages.Format(ImportMessages.LookupPortalColumns, where, lookup.In, string.Join(", ", portalColumns)));
            }

            if (lookup.Pick is { } pick && pick is not ("first" or "last"))
            {
                errors.Add(ImportMessages.Format(ImportMessages.LookupPick, where, pick));
            }

            if (lookup.Pick is not null && lookup.OrderBy is null)
            {
                errors.Add(ImportMessages.Format(ImportMessages.LookupNeedsOrder, where));
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
            context.Errors.Add(ImportMessages.Format(ImportMessages.ConditionShape, where));
        }

        if (condition.Field is { } field && !context.Columns.Contains(field))
        {
            context.Errors.Add(ImportMessages.Format(ImportMessages.ConditionRefersToUnknownField, where, field));
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
