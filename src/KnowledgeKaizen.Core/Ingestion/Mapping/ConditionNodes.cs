namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// A compiled <see cref="Condition"/>. It is tested on a row given as a cell reader (the file's row, or a looked-up row);
/// <see cref="Describe"/> writes it with symbols, so it reads the same in every language ("Status = Completed").
/// </summary>
internal abstract class ConditionNode
{
    public abstract bool Test(RowScope scope, Func<int, string?> cell);

    public abstract string Describe();
}

/// <summary>One value against one test.</summary>
internal sealed class ValueTest(Func<RowScope, Func<int, string?>, string?> read, string name, Condition test) : ConditionNode
{
    private readonly HashSet<string>? inSet = test.In is null ? null : new(test.In.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>? notInSet = test.NotIn is null ? null : new(test.NotIn.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);

    public override bool Test(RowScope scope, Func<int, string?> cell)
    {
        var value = read(scope, cell)?.Trim() ?? string.Empty;
        return (test.Empty is not { } empty || empty == (value.Length == 0))
            && (test.EqualTo is not { } equal || string.Equals(value, equal.Trim(), StringComparison.OrdinalIgnoreCase))
            && (inSet is null || inSet.Contains(value))
            && (notInSet is null || !notInSet.Contains(value))
            && (test.StartsWith is not { } prefix || value.StartsWith(prefix.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public override string Describe()
    {
        var parts = new List<string>();
        if (test.Empty is { } empty)
        {
            parts.Add(empty ? $"{name} = ∅" : $"{name} ≠ ∅");
        }

        if (test.EqualTo is { } equal)
        {
            parts.Add($"{name} = {equal}");
        }

        if (test.In is { } values)
        {
            parts.Add($"{name} ∈ {{{string.Join(", ", values)}}}");
        }

        if (test.NotIn is { } excluded)
        {
            parts.Add($"{name} ∉ {{{string.Join(", ", excluded)}}}");
        }

        if (test.StartsWith is { } prefix)
        {
            parts.Add($"{name} = {prefix}…");
        }

        return string.Join(" ∧ ", parts);
    }
}

internal sealed class AnyTest(IReadOnlyList<ConditionNode> parts) : ConditionNode
{
    public override bool Test(RowScope scope, Func<int, string?> cell) => parts.Any(p => p.Test(scope, cell));

    public override string Describe() => "(" + string.Join(" ∨ ", parts.Select(p => p.Describe())) + ")";
}

internal sealed class AllTest(IReadOnlyList<ConditionNode> parts) : ConditionNode
{
    public override bool Test(RowScope scope, Func<int, string?> cell) => parts.All(p => p.Test(scope, cell));

    public override string Describe() => "(" + string.Join(" ∧ ", parts.Select(p => p.Describe())) + ")";
}

internal sealed class NotTest(ConditionNode inner) : ConditionNode
{
    public override bool Test(RowScope scope, Func<int, string?> cell) => !inner.Test(scope, cell);

    public override string Describe() => "¬" + inner.Describe();
}
