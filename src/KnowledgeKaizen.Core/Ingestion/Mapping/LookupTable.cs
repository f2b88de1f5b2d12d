namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// Rows held in memory for lookups: a companion file of the export, or a portal table already imported (customers,
/// reps). Indexes per matched column are built on first use. Matching is exact (ids are case-sensitive in some CRMs).
/// </summary>
internal sealed class LookupTable
{
    private readonly Dictionary<string, int> columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string?[]> rows = [];
    private readonly Dictionary<int, Dictionary<string, List<int>>> indexes = [];

    public LookupTable(string name, IReadOnlyList<string> header)
    {
        Name = name;
        Header = [.. header];
        for (var i = 0; i < Header.Count; i++)
        {
            columns.TryAdd(Header[i], i);
        }
    }

    public string Name { get; }

    public List<string> Header { get; }

    public int Count => rows.Count;

    public int IndexOf(string column) => columns.GetValueOrDefault(column.Trim(), -1);

    public void Add(string?[] row) => rows.Add(row);

    public string? Cell(int row, int column) => column >= 0 && column < rows[row].Length ? rows[row][column] : null;

    /// <summary>The rows whose <paramref name="column"/> equals <paramref name="key"/>, in file order.</summary>
    public IReadOnlyList<int> Find(int column, string key)
    {
        if (!indexes.TryGetValue(column, out var index))
        {
            index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                if (Cell(i, column)?.Trim() is { Length: > 0 } value)
                {
                    if (!index.TryGetValue(value, out var list))
                    {
                        index[value] = list = [];
                    }

                    list.Add(i);
                }
            }

            indexes[column] = index;
        }

        return index.TryGetValue(key, out var found) ? found : [];
    }

    /// <summary>Reads a whole companion file; a file-level problem instead when it cannot be read.</summary>
    public static async Task<(LookupTable? Table, string? Problem)> ReadAsync(string name, Stream stream, ImportFormat format, CancellationToken ct)
    {
        using var reader = SourceReader.Open(stream, format);
        try
        {
            if (await reader.OpenAsync(ct) is { } problem)
            {
                return (null, problem);
            }

            var rows = new List<string?[]>();
            while (await reader.ReadAsync(ct))
            {
                if (reader.RecordProblem is { } shape)
                {
                    return (null, ImportMessages.Format(ImportMessages.AtLine, reader.Line, shape));
                }

                var row = new string?[reader.Header.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader[i];
                }

                rows.Add(row);
            }

            var table = new LookupTable(name, reader.Header);
            rows.ForEach(table.Add);
            return (table, null);
        }
        catch (Exception e) when (e is System.Text.DecoderFallbackException or System.Text.Json.JsonException or CsvHelper.CsvFormatException)
        {
            return (null, ImportMessages.Format(ImportMessages.CompanionUnreadable, reader.Line + 1, e.Message.Split('\n')[0]));
        }
    }
}
