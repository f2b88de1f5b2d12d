namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>A compiled source of a value; <see cref="Describe"/> names where it comes from, for problems and the preview.</summary>
internal abstract class ValueNode
{
    public abstract string? Evaluate(RowScope scope);

    public abstract string Describe();

    protected static bool IsEmpty(string? value) => string.IsNullOrWhiteSpace(value);
}

/// <summary>A column of the file; a column the file lacks gives nothing.</summary>
internal sealed class ColumnNode(int index, string name) : ValueNode
{
    public override string? Evaluate(RowScope scope) => index < 0 ? null : scope.Cell(index);

    public override string Describe() => name;
}

internal sealed class ConstantNode(string value) : ValueNode
{
    public override string? Evaluate(RowScope scope) => value;

    public override string Describe() => $"\"{value}\"";
}

internal sealed class ElementNode : ValueNode
{
    public override string? Evaluate(RowScope scope) => scope.Element;

    public override string Describe() => "each";
}

/// <summary>Text with column placeholders; empty when every placeholder is empty.</summary>
internal sealed class TemplateNode(IReadOnlyList<(string? Literal, ValueNode? Value)> parts, string template) : ValueNode
{
    public override string? Evaluate(RowScope scope)
    {
        var text = new StringBuilder();
        var any = false;
        foreach (var (literal, value) in parts)
        {
            if (value is null)
            {
                text.Append(literal);
                continue;
            }

            var v = value.Evaluate(scope);
            any |= !IsEmpty(v);
            text.Append(v?.Trim());
        }

        return any ? text.ToString().Trim() : null;
    }

    public override string Describe() => template;
}

/// <summary>Another portal field's mapped value.</summary>
internal sealed class FieldNode(int field, Func<string> describe) : ValueNode
{
    public override string? Evaluate(RowScope scope) => scope.FieldValue(field);

    public override string Describe() => describe();
}

/// <summary>The first branch that gives a value.</summary>
internal sealed class CoalesceNode(IReadOnlyList<RuleNode> branches) : ValueNode
{
    public override string? Evaluate(RowScope scope)
    {
        foreach (var branch in branches)
        {
            if (branch.Evaluate(scope) is { } value && !IsEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    public override string Describe() => string.Join(" | ", branches.Select(b => b.Describe()));
}

/// <summary>
/// A value of another row: in a companion file or a portal table, the rows whose match column equals the key and that
/// pass the conditions; one of them by date (first or last), or the only one.
/// </summary>
internal sealed class LookupNode(
    LookupTable table, int match, RuleNode key, IReadOnlyList<ConditionNode> where, int orderBy, bool last, RuleNode? notAfter, int take,
    DateReader dates) : ValueNode
{
    private readonly bool pick = orderBy >= 0;

    public override string? Evaluate(RowScope scope)
    {
        if (key.Evaluate(scope)?.Trim() is not { Length: > 0 } wanted)
        {
            return null;
        }

        DateTime? limit = null;
        if (notAfter?.Evaluate(scope) is { } bound && !IsEmpty(bound) && dates.TryParse(bound, null, out var parsed, out _))
        {
            limit = parsed;
        }

        var candidates = new List<(int Row, DateTime At)>();
        foreach (var row in table.Find(match, wanted))
        {
            if (!where.All(c => c.Test(scope, column => table.Cell(row, column))))
            {
                continue;
            }

            var at = DateTime.MaxValue;
            if (pick && table.Cell(row, orderBy) is { } text && dates.TryParse(text, null, out var when, out _))
            {
                at = when;
            }

            if (limit is null || at <= limit)
            {
                candidates.Add((row, at));
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        if (!pick && candidates.Count > 1)
        {
            scope.Problem(Describe(), ImportMessages.Format(ImportMessages.LookupAmbiguous, candidates.Count, table.Name, table.Header[match], wanted));
            return null;
        }

        // Stable: equal times keep file order.
        var ordered = candidates.OrderBy(c => c.At).ToList();
        return table.Cell(last ? ordered[^1].Row : ordered[0].Row, take);
    }

    public override string Describe() => $"{key.Describe()} → {table.Name}.{table.Header[take]}";
}

/// <summary>
/// A field's rule: its source, then for a non-empty value the JSON path, the portal rule, the value map and the date
/// format; the "if empty" value otherwise. Every failure is a problem naming the field and the source.
/// </summary>
internal sealed class RuleNode(ValueNode source, FieldRule rule, bool isDate, DateReader dates, ConditionNode? when, RuleNode? survey) : ValueNode
{
    private readonly Dictionary<string, string>? values = rule.Values is null
        ? null
        : new Dictionary<string, string>(rule.Values.Select(kv => KeyValuePair.Create(kv.Key.Trim(), kv.Value)), StringComparer.OrdinalIgnoreCase);

    public override string? Evaluate(RowScope scope)
    {
        if (when is not null && !when.Test(scope, scope.Cell))
        {
            return null;
        }

        var raw = source.Evaluate(scope);
        if (!IsEmpty(raw) && rule.Json is { } path && path != "*")
        {
            if (!TryJson(raw!, path, out raw))
            {
                scope.Problem(Describe(), ImportMessages.Format(ImportMessages.NoJsonValue, Shorten(raw!), path));
                return null;
            }
        }

        if (IsEmpty(raw))
        {
            if (rule.IfEmpty is { } fallback)
            {
                if (rule.NoteIfEmpty)
                {
                    scope.NoteDefault(Describe(), fallback);
                }

                return fallback;
            }

            return null;
        }

        var value = raw!.Trim();
        if (rule.Rule is { } name)
        {
            if (!PortalRules.TryApply(name, value, survey?.Evaluate(scope), out var result))
            {
                scope.Problem(Describe(), result);
                return null;
            }

            value = result;
        }

        if (values is not null)
        {
            if (values.TryGetValue(value, out var mapped))
            {
                value = mapped;
            }
            else if (rule.Otherwise is { } otherwise)
            {
                value = otherwise;
            }
            else
            {
                scope.Problem(Describe(), ImportMessages.Format(ImportMessages.NotInValueList, Shorten(value), string.Join(", ", values.Keys.Take(12))));
                return null;
            }

            if (IsEmpty(value))
            {
                return null;
            }
        }

        if (isDate || rule.Format is not null)
        {
            if (!dates.TryParse(value, rule.Format, out var utc, out var dateOnly))
            {
                scope.Problem(Describe(), rule.Format is null
                    ? ImportMessages.Format(ImportMessages.NotIsoDateInZone, Shorten(value), dates.Zone.Id)
                    : ImportMessages.Format(ImportMessages.NotDateInZone, Shorten(value), rule.Format, dates.Zone.Id));
                return null;
            }

            value = DateReader.Format(utc, dateOnly);
        }

        return value;
    }

    /// <summary>The elements of a JSON array value (for <see cref="ImportMapping.Each"/>).</summary>
    public IReadOnlyList<string> EvaluateMany(RowScope scope)
    {
        var raw = source.Evaluate(scope);
        if (IsEmpty(raw))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(raw!);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                scope.Problem(Describe(), ImportMessages.Format(ImportMessages.NotJsonArray, Shorten(raw!)));
                return [];
            }

            return doc.RootElement.EnumerateArray().Select(Text).Where(v => !IsEmpty(v)).Select(v => v!.Trim()).ToList();
        }
        catch (JsonException)
        {
            scope.Problem(Describe(), ImportMessages.Format(ImportMessages.NotJsonArray, Shorten(raw!)));
            return [];
        }
    }

    public override string Describe() => source.Describe();

    private static bool TryJson(string text, string path, out string? value)
    {
        value = null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var element = doc.RootElement;
            foreach (var step in path.Split('.'))
            {
                if (element.ValueKind == JsonValueKind.Array && int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                {
                    if (i >= element.GetArrayLength())
                    {
                        return true;
                    }

                    element = element[i];
                }
                else if (element.ValueKind == JsonValueKind.Object)
                {
                    var found = element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, step, StringComparison.OrdinalIgnoreCase));
                    if (found.Value.ValueKind == JsonValueKind.Undefined)
                    {
                        return true;
                    }

                    element = found.Value;
                }
                else
                {
                    return false;
                }
            }

            value = Text(element);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.GetRawText(),
    };

    internal static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
