namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// A JSON array of objects (streamed element by element) or NDJSON (one object per line), with the CSV
/// column names as property names (case-insensitive).
/// </summary>
internal sealed class JsonRowSource(Stream stream, IReadOnlyList<ColumnSpec> columns) : RowSource(stream, columns)
{
    private readonly JsonRecords records = new(stream);
    private readonly HashSet<string> reportedUnknown = new(StringComparer.OrdinalIgnoreCase);
    private List<string> warnings = [];

    public override async ValueTask<IReadOnlyList<string>> OpenAsync(List<string> warnings, CancellationToken ct)
    {
        this.warnings = warnings;
        return await records.OpenAsync(ct) is { } problem ? [problem] : [];
    }

    public override async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        var read = await records.ReadAsync(Fill, problem =>
        {
            Array.Clear(Cells);
            RecordProblem = problem;
        }, ct);
        Line = records.Line;
        return read;
    }

    private void Fill(JsonElement element)
    {
        Array.Clear(Cells);
        RecordProblem = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            RecordProblem = ImportMessages.RecordNotObject;
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var index = IndexOf(property.Name);
            if (index < 0)
            {
                if (reportedUnknown.Add(property.Name))
                {
                    warnings.Add(ImportMessages.Format(ImportMessages.UnknownFieldIgnored, property.Name));
                }

                continue;
            }

            Cells[index] = property.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => Clean(property.Value.GetString()),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => property.Value.GetRawText(),
            };
        }
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public override void Dispose()
    {
        records.Dispose();
        base.Dispose();
    }
}
