namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// The source row being mapped: its cells, the element it is made for, the portal fields mapped so far (each evaluated
/// once, on demand, so a field may use another) and the problems found, each naming the portal field and the source.
/// </summary>
internal sealed class RowScope(SourceReader reader, IReadOnlyList<ColumnSpec> columns)
{
    private const byte NotYet = 0, Busy = 1, Done = 2;

    private readonly string?[] values = new string?[columns.Count];
    private readonly byte[] state = new byte[columns.Count];
    private readonly Stack<string> fields = new();
    private RuleNode?[] rules = [];

    public SourceReader Reader => reader;

    public string? Element { get; private set; }

    public List<(string Column, string Reason)> Problems { get; } = [];

    /// <summary>Fields that took their "if empty" value on a rule that asks for a note.</summary>
    public List<(string Field, string Source, string Value)> Defaults { get; } = [];

    public string? Cell(int column) => reader[column];

    public void Use(RuleNode?[] compiled) => rules = compiled;

    /// <summary>Starts a row (or one element of a row).</summary>
    public void Reset(string? element)
    {
        Element = element;
        Array.Clear(state);
        Array.Clear(values);
        Problems.Clear();
        Defaults.Clear();
    }

    /// <summary>The value of portal field <paramref name="field"/> for this row, evaluated once.</summary>
    public string? FieldValue(int field)
    {
        switch (state[field])
        {
            case Done:
                return values[field];
            case Busy:
                Problem("?", ImportMessages.Format(ImportMessages.RefersToItself, columns[field].Name));
                return null;
        }

        state[field] = Busy;
        fields.Push(columns[field].Name);
        try
        {
            values[field] = rules[field]?.Evaluate(this);
        }
        finally
        {
            fields.Pop();
            state[field] = Done;
        }

        return values[field];
    }

    /// <summary>A problem of the field being evaluated, naming it and where its value comes from.</summary>
    public void Problem(string source, string reason)
    {
        var field = fields.Count > 0 ? fields.Peek() : null;
        Problems.Add((field is null ? source : $"{field} ({source})", reason));
    }

    public void NoteDefault(string source, string value)
    {
        if (fields.Count > 0)
        {
            Defaults.Add((fields.Peek(), source, value));
        }
    }
}
