using System.Text.Json;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// A JSON array of objects (streamed element by element) or NDJSON (one object per line), with the CSV
/// column names as property names (case-insensitive).
/// </summary>
internal sealed class JsonRowSource(Stream stream, IReadOnlyList<ColumnSpec> columns) : RowSource(stream, columns)
{
    private readonly Stream stream = stream;
    private readonly HashSet<string> reportedUnknown = new(StringComparer.OrdinalIgnoreCase);
    private List<string> warnings = [];
    private IAsyncEnumerator<JsonElement>? array;
    private StreamReader? lines;

    public override async ValueTask<IReadOnlyList<string>> OpenAsync(List<string> warnings, CancellationToken ct)
    {
        this.warnings = warnings;
        var first = await FirstSignificantByteAsync(stream, ct);
        switch (first)
        {
            case -1:
                return ["The file is empty."];
            case '[':
                array = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: ct).GetAsyncEnumerator(ct);
                return [];
            case '{':
                lines = new StreamReader(stream, CsvRowSource.StrictUtf8, detectEncodingFromByteOrderMarks: true);
                return [];
            default:
                return ["A JSON file must be an array of objects or one object per line (NDJSON)."];
        }
    }

    public override async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        if (array is not null)
        {
            if (!await array.MoveNextAsync())
            {
                return false;
            }

            Line++;
            Fill(array.Current);
            return true;
        }

        while (await lines!.ReadLineAsync(ct) is { } line)
        {
            Line++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                Fill(doc.RootElement);
            }
            catch (JsonException ex)
            {
                Array.Clear(Cells);
                RecordProblem = $"Not a JSON object: {ex.Message}";
            }

            return true;
        }

        return false;
    }

    private void Fill(JsonElement element)
    {
        Array.Clear(Cells);
        RecordProblem = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            RecordProblem = "Each record must be a JSON object.";
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var index = IndexOf(property.Name);
            if (index < 0)
            {
                if (reportedUnknown.Add(property.Name))
                {
                    warnings.Add($"Unknown field ignored: {property.Name}.");
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

    /// <summary>Peeks past a BOM and whitespace to tell an array from NDJSON, then rewinds.</summary>
    internal static async ValueTask<int> FirstSignificantByteAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[1];
        var start = stream.Position;
        while (await stream.ReadAsync(buffer, ct) == 1)
        {
            var b = buffer[0];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            stream.Position = start;
            return b;
        }

        return -1;
    }

    public override void Dispose()
    {
        lines?.Dispose();
        array?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.Dispose();
    }
}
