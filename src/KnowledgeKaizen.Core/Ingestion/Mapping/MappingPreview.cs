namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>One row as a mapping will import it: the portal's columns, or the problems that keep it out.</summary>
public sealed record PreviewRow(long Line, IReadOnlyList<string?> Cells, string? ProblemColumn, string? Problem, IReadOnlyList<ImportProblem> MoreProblems);

/// <summary>The first rows of a file through a mapping, with what the mapping reported on the way.</summary>
/// <param name="Columns">The portal's columns with where each comes from ("outcome (StageName)").</param>
/// <param name="Rows">The first rows as they will be imported.</param>
/// <param name="Problems">Problems with the whole file (a missing column, a companion file not sent…).</param>
/// <param name="Warnings">Columns the file lacks for optional fields.</param>
/// <param name="Filtered">Source rows the filters left out while reading the shown rows.</param>
/// <param name="FilteredBy">The same by filter.</param>
/// <param name="Notes">What the mapping interpreted on the way.</param>
public sealed record MappingPreviewResult(
    IReadOnlyList<string> Columns, IReadOnlyList<PreviewRow> Rows, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings,
    long Filtered, IReadOnlyDictionary<string, long> FilteredBy, IReadOnlyList<ImportNote> Notes);

/// <summary>
/// Shows the first rows of a file as they will be imported through a mapping, before anything is imported: the same
/// binding and reading as an import, stopped after a few rows. The import's own checks (references, vocabularies) come
/// with the full check of the file.
/// </summary>
public sealed class MappingPreview(MappingBinder binder)
{
    /// <summary>Source rows read at most while looking for <c>rows</c> rows to show (filters may leave many out).</summary>
    private const int MaxScanned = 10_000;

    public async Task<MappingPreviewResult> RunAsync(ImportMapping mapping, Stream file, ImportFormat format,
        IReadOnlyDictionary<string, CompanionContent> companions, int rows, CancellationToken ct = default)
    {
        var bound = await binder.BindAsync(mapping, companions, ct);
        var columns = mapping.ImportKind.Columns();
        var report = new ImportReport { Kind = mapping.ImportKind, Mode = ImportMode.AllOrNothing, DryRun = true };
        using var source = bound.Open(file, format, columns, report);
        var warnings = new List<string>();
        var shown = new List<PreviewRow>();
        IReadOnlyList<string> problems;
        try
        {
            problems = await source.OpenAsync(warnings, ct);
            var scanned = 0;
            while (problems.Count == 0 && shown.Count < rows && scanned++ < MaxScanned && await source.ReadAsync(ct))
            {
                shown.Add(new PreviewRow(source.Line, Enumerable.Range(0, columns.Count).Select(i => source[i]).ToList(),
                    source.RecordProblemColumn, source.RecordProblem, source.MoreRecordProblems));
            }
        }
        catch (Exception e) when (e is System.Text.DecoderFallbackException or JsonException or CsvHelper.CsvFormatException)
        {
            problems = [ImportMessages.Format(ImportMessages.FileUnreadable, source.Line + 1, e.Message.Split('\n')[0])];
        }

        var described = Enumerable.Range(0, columns.Count).Select(source.ColumnName).ToList();
        return new MappingPreviewResult(described, shown, problems, warnings, report.Filtered, report.FilteredBy, report.Notes);
    }
}
