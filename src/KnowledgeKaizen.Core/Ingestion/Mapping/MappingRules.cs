namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>Walks a mapping's rules: every rule and lookup it holds, and the file columns it reads.</summary>
public static class MappingRules
{
    /// <summary>Every rule, nested ones included.</summary>
    public static IEnumerable<FieldRule> All(ImportMapping mapping)
    {
        var roots = mapping.Fields.Values.AsEnumerable();
        if (mapping.Each is { } each)
        {
            roots = roots.Append(each);
        }

        if (mapping.Derive is { } derive)
        {
            roots = roots.Concat(new[] { derive.Opportunity, derive.At, derive.Stage, derive.FieldName, derive.OldValue, derive.NewValue }
                .Where(r => r is not null).Select(r => r!));
        }

        return roots.SelectMany(Nested);
    }

    public static IEnumerable<LookupRule> Lookups(ImportMapping mapping) => All(mapping).Where(r => r.Lookup is not null).Select(r => r.Lookup!);

    /// <summary>The columns of the main file the mapping reads (rules, templates, filters), for detection.</summary>
    public static IEnumerable<string> Columns(ImportMapping mapping)
    {
        var fromRules = All(mapping).SelectMany(r => (r.Column ?? []).Take(1).Concat(TemplateColumns(r.Template)));
        var fromConditions = mapping.Keep.Concat(All(mapping).Where(r => r.When is not null).Select(r => r.When!)).SelectMany(ConditionColumns);
        return fromRules.Concat(fromConditions).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<FieldRule> Nested(FieldRule rule)
    {
        yield return rule;
        var children = (rule.Coalesce ?? []).AsEnumerable();
        if (rule.Lookup is { } lookup)
        {
            children = children.Append(lookup.Key);
            if (lookup.NotAfter is { } notAfter)
            {
                children = children.Append(notAfter);
            }
        }

        if (rule.Survey is { } survey)
        {
            children = children.Append(survey);
        }

        foreach (var nested in children.SelectMany(Nested))
        {
            yield return nested;
        }
    }

    private static IEnumerable<string> TemplateColumns(string? template) =>
        template is null
            ? []
            : System.Text.RegularExpressions.Regex.Matches(template, @"\{([^{}]+)\}").Select(m => m.Groups[1].Value)
                .Where(n => !n.Equals("each", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> ConditionColumns(Condition condition) =>
        (condition.Column ?? []).Take(1)
            .Concat((condition.Any ?? []).Concat(condition.All ?? []).Concat(condition.Not is null ? [] : [condition.Not]).SelectMany(ConditionColumns));
}
