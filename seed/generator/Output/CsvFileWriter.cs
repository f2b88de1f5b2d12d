using System.Globalization;
using System.Text;

namespace KnowledgeKaizen.SeedGenerator.Output;

/// <summary>
/// Writes one RFC 4180 CSV file row by row (CRLF, quoted only when needed, UTF-8 without BOM) so any number
/// of rows can be streamed with flat memory. Values are formatted with the invariant culture.
/// </summary>
public sealed class CsvFileWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly int _columns;
    private int _column;

    /// <summary>Writes to an existing writer (not disposed with this one) and emits the header.</summary>
    public CsvFileWriter(TextWriter writer, IReadOnlyList<string> header)
        : this(writer, header, ownsWriter: false)
    {
    }

    private CsvFileWriter(TextWriter writer, IReadOnlyList<string> header, bool ownsWriter)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        _columns = header.Count;
        foreach (var name in header)
        {
            Field(name);
        }

        EndRow();
        Rows = 0;
    }

    /// <summary>Data rows written so far (the header excluded).</summary>
    public long Rows { get; private set; }

    /// <summary>Creates (or overwrites) a file and emits the header.</summary>
    public static CsvFileWriter Create(string path, IReadOnlyList<string> header)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        return new CsvFileWriter(new StreamWriter(stream, Utf8, 1 << 16) { NewLine = "\r\n" }, header, ownsWriter: true);
    }

    public CsvFileWriter Field(string? value)
    {
        if (_column++ > 0)
        {
            _writer.Write(',');
        }

        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(value);
            return this;
        }

        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
        return this;
    }

    public CsvFileWriter Field(decimal? value) =>
        Field(value?.ToString("0.##", CultureInfo.InvariantCulture));

    public CsvFileWriter Field(int? value) => Field(value?.ToString(CultureInfo.InvariantCulture));

    public CsvFileWriter Field(bool value) => Field(value ? "true" : "false");

    /// <summary>A UTC instant as 2025-03-04T10:15:00Z.</summary>
    public CsvFileWriter Field(DateTime? value) =>
        Field(value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>A calendar date as 2025-03-04.</summary>
    public CsvFileWriter Field(DateOnly? value) =>
        Field(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public void EndRow()
    {
        if (_column != _columns)
        {
            throw new InvalidOperationException($"Row has {_column} fields, header has {_columns}.");
        }

        _writer.Write("\r\n");
        _column = 0;
        Rows++;
    }

    public void Dispose()
    {
        if (_ownsWriter)
        {
            _writer.Dispose();
        }
        else
        {
            _writer.Flush();
        }
    }
}
