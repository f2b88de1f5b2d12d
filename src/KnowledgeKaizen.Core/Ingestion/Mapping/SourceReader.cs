using CsvHelper;

namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// Streams the records of a file in someone else's layout with every column, by the names its header gives (CSV) or its
/// properties have (JSON; nested objects flattened as "a.b"). The same dialect and shape checks as the portal's own
/// files: RFC 4180, UTF-8 with or without BOM, a problem for a row that is malformed.
/// </summary>
internal abstract class SourceReader : IDisposable
{
    /// <summary>A column named more than once: a rule cannot tell which one it means.</summary>
    public const int Ambiguous = -2;

    /// <summary>The column names as the file writes them (JSON: the ones seen or asked for so far).</summary>
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>Whether the header is known before the rows (CSV); a JSON record may leave any property out.</summary>
    public abstract bool HasFixedHeader { get; }

    public long Line { get; protected set; }

    /// <summary>A problem with the current record's shape; null if none.</summary>
    public string? RecordProblem { get; protected set; }

    public abstract string? this[int column] { get; }

    public abstract double Progress { get; }

    /// <summary>The index of a column (names compare trimmed and case-insensitively); -1 when absent, <see cref="Ambiguous"/> when repeated.</summary>
    public abstract int IndexOf(string name);

    /// <summary>Reads the header (CSV) or finds the records (JSON); a file-level problem or null.</summary>
    public abstract ValueTask<string?> OpenAsync(CancellationToken ct);

    public abstract ValueTask<bool> ReadAsync(CancellationToken ct);

    public abstract void Dispose();

    public static SourceReader Open(Stream stream, ImportFormat format) =>
        format == ImportFormat.Csv ? new CsvSourceReader(stream) : new JsonSourceReader(stream);

    protected static string NormalizeName(string name) => name.Trim().TrimStart('\uFEFF').Trim();

    protected static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

internal sealed class CsvSourceReader(Stream stream) : SourceReader
{
    private readonly Dictionary<long, CsvHelper.CsvMalformedReason> malformed = [];
    private readonly long length = stream.CanSeek ? stream.Length : 0;
    private readonly Dictionary<string, int> index = new(StringComparer.OrdinalIgnoreCase);
    private CsvReader? reader;
    private string[] header = [];

    public override IReadOnlyList<string> Header => header;

    public override bool HasFixedHeader => true;

    public override string? this[int column] =>
        RecordProblem is null && column >= 0 && column < reader!.FieldCount ? Clean(reader.GetString(column)) : null;

    public override double Progress => length > 0 && reader is not null ? (double)reader.ByteOffset / length : 0;

    public override int IndexOf(string name) => index.GetValueOrDefault(NormalizeName(name), -1);

    public override ValueTask<string?> OpenAsync(CancellationToken ct)
    {
        reader = CsvRowSource.CreateReader(stream, malformed);
        reader.ReadHeader();
        header = reader.Headers.Select(NormalizeName).ToArray();
        if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
        {
            return ValueTask.FromResult<string?>(ImportMessages.FileEmpty);
        }

        for (var i = 0; i < header.Length; i++)
        {
            index[header[i]] = index.ContainsKey(header[i]) ? Ambiguous : i;
        }

        return ValueTask.FromResult<string?>(null);
    }

    public override ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        if (!reader!.Read())
        {
            return ValueTask.FromResult(false);
        }

        Line = reader.LineNumber;
        RecordProblem = CsvRowSource.Shape(reader, malformed, header.Length);
        return ValueTask.FromResult(true);
    }

    public override void Dispose()
    {
        reader?.Dispose();
        stream.Dispose();
    }
}

/// <summary>A JSON array of objects or NDJSON; nested objects are flattened ("properties.amount"), arrays kept as JSON text.</summary>
internal sealed class JsonSourceReader(Stream stream) : SourceReader
{
    private readonly JsonRecords records = new(stream);
    private readonly Dictionary<string, int> index = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> names = [];
    private readonly List<string?> cells = [];

    public override IReadOnlyList<string> Header => names;

    public override bool HasFixedHeader => false;

    public override string? this[int column] => column >= 0 && column < cells.Count ? cells[column] : null;

    public override double Progress => stream.CanSeek && stream.Length > 0 ? (double)stream.Position / stream.Length : 0;

    public override int IndexOf(string name)
    {
        var key = NormalizeName(name);
        if (!index.TryGetValue(key, out var i))
        {
            i = names.Count;
            index[key] = i;
            names.Add(key);
            cells.Add(null);
        }

        return i;
    }

    public override ValueTask<string?> OpenAsync(CancellationToken ct) => records.OpenAsync(ct);

    public override async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        var read = await records.ReadAsync(Fill, problem =>
        {
            Clear();
            RecordProblem = problem;
        }, ct);
        Line = records.Line;
        return read;
    }

    private void Clear()
    {
        for (var i = 0; i < cells.Count; i++)
        {
            cells[i] = null;
        }
    }

    private void Fill(JsonElement element)
    {
        Clear();
        RecordProblem = element.ValueKind == JsonValueKind.Object ? null : ImportMessages.RecordNotObject;
        if (RecordProblem is null)
        {
            Flatten(element, null);
        }
    }

    private void Flatten(JsonElement element, string? prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix is null ? property.Name : prefix + "." + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, name);
                continue;
            }

            cells[IndexOf(name)] = property.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => Clean(property.Value.GetString()),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => property.Value.GetRawText(),
            };
        }
    }

    public override void Dispose()
    {
        records.Dispose();
        stream.Dispose();
    }
}
