namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Streams records of one file one at a time as cells in the kind's column order, whatever the file's
/// own column order or format, so memory stays flat however large the file is.
/// </summary>
internal abstract class RowSource(Stream stream, IReadOnlyList<ColumnSpec> columns) : IDisposable
{
    protected IReadOnlyList<ColumnSpec> Columns { get; } = columns;

    /// <summary>Cells of the current record by column index; null for absent or empty.</summary>
    protected string?[] Cells { get; } = new string?[columns.Count];

    /// <summary>Line (or record number) where the current record starts.</summary>
    public long Line { get; protected set; }

    /// <summary>A problem with the current record's shape (bad quoting, wrong field count); null if none.</summary>
    public string? RecordProblem { get; protected set; }

    /// <summary>The column <see cref="RecordProblem"/> concerns, when it concerns one (a mapped value).</summary>
    public string? RecordProblemColumn { get; protected set; }

    /// <summary>
    /// The current record's other problems, each with its column (a mapped row can have several): each is a sentence of
    /// its own, so each is listed, and read back in the reader's language, on its own.
    /// </summary>
    public IReadOnlyList<ImportProblem> MoreRecordProblems { get; protected set; } = [];

    /// <summary>How problems name a column: its name, and for a mapped file where the value comes from.</summary>
    public virtual string ColumnName(int column) => Columns[column].Name;

    public string? this[int column] => Cells[column];

    /// <summary>Size of the file in bytes (0 when unknown).</summary>
    public long Length => stream.CanSeek ? stream.Length : 0;

    /// <summary>Fraction of the file consumed, for progress bars.</summary>
    public virtual double Progress => stream.CanSeek && stream.Length > 0 ? (double)stream.Position / stream.Length : 0;

    /// <summary>Reads the header (if any). Returns file-level problems; warnings get unknown columns.</summary>
    public abstract ValueTask<IReadOnlyList<string>> OpenAsync(List<string> warnings, CancellationToken ct);

    public abstract ValueTask<bool> ReadAsync(CancellationToken ct);

    protected static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public virtual void Dispose() => stream.Dispose();

    /// <summary>Opens the right reader for the format.</summary>
    public static RowSource Open(Stream stream, ImportFormat format, IReadOnlyList<ColumnSpec> columns) =>
        format == ImportFormat.Csv ? new CsvRowSource(stream, columns) : new JsonRowSource(stream, columns);
}
