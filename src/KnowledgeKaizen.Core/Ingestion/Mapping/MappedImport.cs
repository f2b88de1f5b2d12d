namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// A mapping bound to what it reads besides the file (its companion files, the portal's tables), for one import. The
/// pipeline opens the file through it; problems found while binding (a companion missing, a mapping that does not
/// validate) become the import's file-level problems.
/// </summary>
public sealed class MappedImport
{
    internal MappedImport(ImportMapping mapping, MappingContext context, IReadOnlyList<string> problems)
    {
        Mapping = mapping;
        Context = context;
        Problems = problems;
    }

    public ImportMapping Mapping { get; }

    internal MappingContext Context { get; }

    internal IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// Opens the file for a mapped row source: the binding's problems, or the file's, or a compiler for its header.
    /// </summary>
    internal async ValueTask<(MappingCompiler? Compiler, IReadOnlyList<string> Problems)> StartAsync(SourceReader reader, IReadOnlyList<ColumnSpec> columns,
        ImportReport report, CancellationToken ct)
    {
        report.Mapping = Mapping.Name;
        if (Problems.Count > 0)
        {
            return (null, Problems);
        }

        return await reader.OpenAsync(ct) is { } problem ? (null, [problem]) : (new MappingCompiler(Mapping, reader, columns, Context), []);
    }

    /// <summary>The file's records in the kind's columns; filtered rows and notes are recorded in <paramref name="report"/>.</summary>
    internal RowSource Open(Stream file, ImportFormat format, IReadOnlyList<ColumnSpec> columns, ImportReport report) =>
        Mapping.Derive is null
            ? new MappedRowSource(file, format, columns, this, report)
            : new DerivedStageHistorySource(file, format, columns, this, report);
}
