using System.Text.Unicode;
using CsvHelper;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// RFC 4180 CSV, comma-separated, UTF-8 with or without BOM; headers matched case-insensitively. CsvHelper
/// parses the UTF-8 bytes in place, so a row costs only the strings of its cells.
/// </summary>
internal sealed class CsvRowSource : RowSource
{
    /// <summary>Strict UTF-8 for the line-based readers: a byte that is not UTF-8 stops the import.</summary>
    internal static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly CsvReader reader;
    private readonly long length;

    // The parser scans ahead in blocks, so malformed records are reported by number before they are read.
    private readonly Dictionary<long, CsvMalformedReason> malformed = [];
    private int[] fieldOf = [];
    private int headerCount;

    public CsvRowSource(Stream stream, IReadOnlyList<ColumnSpec> columns)
        : base(stream, columns)
    {
        length = stream.CanSeek ? stream.Length : 0;
        reader = CreateReader(stream, malformed);
    }

    /// <summary>The portal's CSV dialect; malformed records are collected into <paramref name="malformed"/> by record number.</summary>
    internal static CsvReader CreateReader(Stream stream, Dictionary<long, CsvMalformedReason> malformed) =>
        CsvReader.Create(stream, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            OnMalformedRecord = record => malformed.TryAdd(record.RecordNumber, record.Reason),
        }, leaveOpen: true);

    public override double Progress => length > 0 ? (double)reader.ByteOffset / length : 0;

    public override ValueTask<IReadOnlyList<string>> OpenAsync(List<string> warnings, CancellationToken ct)
    {
        reader.ReadHeader();
        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
        {
            return ValueTask.FromResult<IReadOnlyList<string>>([ImportMessages.FileEmpty]);
        }

        headerCount = header.Length;
        fieldOf = Columns.Select(c => Array.IndexOf(header, c.Name)).ToArray();
        var problems = new List<string>();
        var missing = Columns.Where((c, i) => c.Required && fieldOf[i] < 0).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            var notCommas = header.Length == 1 && (header[0].Contains(';') || header[0].Contains('\t') || header[0].Contains('|'));
            problems.Add(ImportMessages.Format(notCommas ? ImportMessages.MissingColumnsNotCommas : ImportMessages.MissingColumns, string.Join(", ", missing)));
        }

        var unknown = header.Where(h => Columns.All(c => c.Name != h)).ToList();
        if (unknown.Count > 0)
        {
            warnings.Add(ImportMessages.Format(ImportMessages.UnknownColumnsIgnored, string.Join(", ", unknown)));
        }

        var duplicated = header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicated.Count > 0)
        {
            problems.Add(ImportMessages.Format(ImportMessages.ColumnsNamedTwice, string.Join(", ", duplicated)));
        }

        return ValueTask.FromResult<IReadOnlyList<string>>(problems);
    }

    public override ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        if (!reader.Read())
        {
            return ValueTask.FromResult(false);
        }

        Line = reader.LineNumber;
        RecordProblem = Shape(reader, malformed, headerCount);
        var count = reader.FieldCount;
        for (var i = 0; i < fieldOf.Length; i++)
        {
            var field = fieldOf[i];
            Cells[i] = RecordProblem is null && field >= 0 && field < count ? Clean(reader.GetString(field)) : null;
        }

        return ValueTask.FromResult(true);
    }

    /// <summary>What is wrong with the shape of the record just read (encoding, quotes, field count); null when nothing.</summary>
    internal static string? Shape(CsvReader reader, Dictionary<long, CsvMalformedReason> malformed, int headerCount)
    {
        if (!Utf8.IsValid(reader.RawRecord))
        {
            return ImportMessages.RowNotUtf8;
        }

        if (malformed.Remove(reader.RowNumber + 1, out var reason))
        {
            return ImportMessages.Format(ImportMessages.MisplacedQuote, reason);
        }

        return reader.FieldCount != headerCount
            ? ImportMessages.Format(ImportMessages.FieldCount, reader.FieldCount, headerCount)
            : null;
    }

    public override void Dispose()
    {
        reader.Dispose();
        base.Dispose();
    }
}
