namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>What a mapping reads besides the file: companion files, the portal's tables, its stages and opportunities.</summary>
internal sealed class MappingContext
{
    public DateReader Dates { get; init; } = DateReader.Utc;

    /// <summary>Companion files by name, and the portal tables <c>customers</c> and <c>reps</c> when the mapping looks into them.</summary>
    public Dictionary<string, LookupTable> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The portal's stage codes in order (stage-history derivation only).</summary>
    public IReadOnlyList<string> Stages { get; init; } = [];

    /// <summary>The imported opportunities by external id (stage-history derivation only).</summary>
    public Dictionary<string, OpportunityFacts> Opportunities { get; } = new(StringComparer.Ordinal);
}

/// <summary>What the derivation needs of an imported opportunity.</summary>
internal sealed record OpportunityFacts(DealOutcome Outcome, DateTime CreatedAt, DateTime? ClosedAt, string Owner);

/// <summary>A mapping compiled against one file's header: a rule per portal column, the filters and the fan-out.</summary>
internal sealed class MappingPlan(IReadOnlyList<ColumnSpec> columns, RuleNode?[] fields, IReadOnlyList<ConditionNode> keep, RuleNode? each)
{
    public RuleNode?[] Fields => fields;

    public IReadOnlyList<ConditionNode> Keep => keep;

    public RuleNode? Each => each;

    /// <summary>"outcome (StageName)": the portal column and where the mapping takes it from.</summary>
    public string Describe(int column) => fields[column] is { } rule ? $"{columns[column].Name} ({rule.Describe()})" : columns[column].Name;
}

/// <summary>
/// Turns the rules of a mapping into nodes bound to one file's header and the context's tables. Columns the file lacks
/// are problems when a required field or a filter needs them, warnings (the field stays empty) otherwise.
/// </summary>
internal sealed partial class MappingCompiler(ImportMapping mapping, SourceReader reader, IReadOnlyList<ColumnSpec> columns, MappingContext context)
{
    private readonly RuleNode?[] fields = new RuleNode?[columns.Count];

    public List<string> Problems { get; } = [];

    public List<string> Warnings { get; } = [];

    public MappingPlan CompilePlan()
    {
        var rules = new Dictionary<string, FieldRule>(mapping.Fields, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            if (!rules.TryGetValue(columns[i].Name, out var rule))
            {
                continue;
            }

            var missing = new List<string>();
            fields[i] = Compile(rule, IsDate(columns[i].Name), missing);
            Report(missing, columns[i].Required, columns[i].Name);
        }

        var keep = mapping.Keep.Select(c => Main(c, ImportMessages.AFilter)).ToList();
        RuleNode? each = null;
        if (mapping.Each is { } eachRule)
        {
            var missing = new List<string>();
            each = Compile(eachRule, false, missing);
            Report(missing, true, "each");
        }

        return new MappingPlan(columns, fields, keep, each);
    }

    /// <summary>A condition on the file's row; a column it needs and the file lacks is a problem.</summary>
    public ConditionNode Main(Condition condition, string purpose)
    {
        var missing = new List<string>();
        var node = Compile(condition, null, missing);
        Report(missing, true, purpose);
        return node;
    }

    /// <summary>A rule whose missing columns are problems (the parts of a stage derivation).</summary>
    public RuleNode Required(FieldRule rule, string purpose, bool isDate = false)
    {
        var missing = new List<string>();
        var node = Compile(rule, isDate, missing);
        Report(missing, true, purpose);
        return node;
    }

    public static bool IsDate(string column) => column.EndsWith("_at", StringComparison.Ordinal);

    public RuleNode Compile(FieldRule rule, bool isDate, List<string> missing)
    {
        ValueNode source;
        if (rule.Column is { Count: > 0 } names)
        {
            source = Column(names, missing);
        }
        else if (rule.Value is { } constant)
        {
            source = new ConstantNode(constant);
        }
        else if (rule.Template is { } template)
        {
            source = Template(template, missing);
        }
        else if (rule.Field is { } field)
        {
            var index = IndexOfField(field);
            source = index < 0 ? new ConstantNode(string.Empty) : new FieldNode(index, () => fields[index]?.Describe() ?? field);
        }
        else if (rule.Element)
        {
            source = new ElementNode();
        }
        else if (rule.Lookup is { } lookup)
        {
            source = Lookup(lookup, missing);
        }
        else if (rule.Coalesce is { Count: > 0 } branches)
        {
            var compiled = new List<RuleNode>();
            var misses = new List<List<string>>();
            foreach (var branch in branches)
            {
                var own = new List<string>();
                compiled.Add(Compile(branch, false, own));
                misses.Add(own);
            }

            // A branch the file cannot feed is fine while another can.
            if (misses.All(m => m.Count > 0))
            {
                missing.AddRange(misses.SelectMany(m => m));
            }

            source = new CoalesceNode(compiled);
        }
        else
        {
            source = new ConstantNode(string.Empty);
        }

        var when = rule.When is null ? null : Compile(rule.When, null, []);
        var survey = rule.Survey is null ? null : Compile(rule.Survey, false, missing);
        return new RuleNode(source, rule, isDate, context.Dates, when, survey);
    }

    /// <summary>Compiles a condition on the file's row (<paramref name="table"/> null) or on a looked-up row.</summary>
    public ConditionNode Compile(Condition condition, LookupTable? table, List<string> missing)
    {
        if (condition.Any is { Count: > 0 } any)
        {
            return new AnyTest(any.Select(c => Compile(c, table, missing)).ToList());
        }

        if (condition.All is { Count: > 0 } all)
        {
            return new AllTest(all.Select(c => Compile(c, table, missing)).ToList());
        }

        if (condition.Not is { } not)
        {
            return new NotTest(Compile(not, table, missing));
        }

        if (condition.Field is { } field)
        {
            var index = IndexOfField(field);
            return new ValueTest((scope, _) => index < 0 ? null : scope.FieldValue(index), field, condition);
        }

        var names = condition.Column ?? [];
        if (table is not null)
        {
            var column = names.Select(table.IndexOf).FirstOrDefault(i => i >= 0, -1);
            if (column < 0)
            {
                Problems.Add(ImportMessages.Format(ImportMessages.TableHasNoColumn, table.Name, string.Join(" or ", names)));
            }

            return new ValueTest((_, cell) => column < 0 ? null : cell(column), string.Join("|", names), condition);
        }

        var node = Column(names, missing);
        return new ValueTest((scope, _) => node.Evaluate(scope), node.Describe(), condition);
    }

    private ColumnNode Column(IReadOnlyList<string> names, List<string> missing)
    {
        foreach (var name in names)
        {
            var index = reader.IndexOf(name);
            if (index == SourceReader.Ambiguous)
            {
                Problems.Add(ImportMessages.Format(ImportMessages.ColumnAmbiguous, name));
                return new ColumnNode(-1, name);
            }

            if (index >= 0)
            {
                return new ColumnNode(index, reader.Header[index]);
            }
        }

        missing.Add(names.Count > 0 ? names[0] : "?");
        return new ColumnNode(-1, names.Count > 0 ? names[0] : "?");
    }

    private TemplateNode Template(string template, List<string> missing)
    {
        var parts = new List<(string?, ValueNode?)>();
        var at = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            parts.Add((template[at..match.Index], null));
            var name = match.Groups[1].Value;
            parts.Add((null, name.Equals("each", StringComparison.OrdinalIgnoreCase) ? new ElementNode() : Column([name], missing)));
            at = match.Index + match.Length;
        }

        parts.Add((template[at..], null));
        return new TemplateNode(parts, template);
    }

    private ValueNode Lookup(LookupRule lookup, List<string> missing)
    {
        var key = Compile(lookup.Key, false, missing);
        if (!context.Tables.TryGetValue(lookup.In, out var table))
        {
            // The binder already reported a missing companion file; this keeps the plan whole.
            return new ConstantNode(string.Empty);
        }

        int Need(string column)
        {
            var index = table.IndexOf(column);
            if (index < 0)
            {
                Problems.Add(ImportMessages.Format(ImportMessages.TableHasNoColumn, table.Name, column));
            }

            return index;
        }

        var match = Need(lookup.Match ?? "external_id");
        var take = Need(lookup.Take);
        var orderBy = lookup.OrderBy is null ? -1 : Need(lookup.OrderBy);
        if (match < 0 || take < 0 || (lookup.OrderBy is not null && orderBy < 0))
        {
            return new ConstantNode(string.Empty);
        }

        var where = lookup.Where.Select(c => Compile(c, table, missing)).ToList();
        var notAfter = lookup.NotAfter is null ? null : Compile(lookup.NotAfter, false, missing);
        var last = string.Equals(lookup.Pick, "last", StringComparison.OrdinalIgnoreCase);
        return new LookupNode(table, match, key, where, orderBy, last, notAfter, take, context.Dates);
    }

    private int IndexOfField(string field)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, field, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        Problems.Add(ImportMessages.Format(ImportMessages.MappingRefersToUnknownField, field, mapping.Kind));
        return -1;
    }

    private void Report(List<string> missing, bool required, string purpose)
    {
        foreach (var column in missing.Distinct())
        {
            if (required)
            {
                Problems.Add(ImportMessages.Format(ImportMessages.RequiredColumnMissing, column, purpose));
            }
            else
            {
                Warnings.Add(ImportMessages.Format(ImportMessages.OptionalColumnMissing, column, purpose));
            }
        }
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();
}
