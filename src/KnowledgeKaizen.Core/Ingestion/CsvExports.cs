using KnowledgeKaizen.Core.Csv;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>The import CSVs the portal hands out, written by <see cref="FormulaSafeCsv"/>: templates and problem lists.</summary>
public static class CsvExports
{
    /// <summary>The header row of a kind: an empty file to fill in.</summary>
    public static byte[] Template(ImportKind kind) => FormulaSafeCsv.Write([.. ImportKinds.Columns(kind).Select(c => c.Name)], []);

    /// <summary>The problems of a report: line, column, reason.</summary>
    public static byte[] Problems(ImportReport report) => FormulaSafeCsv.Write(["line", "column", "reason"],
        report.Problems.Select(p => (IReadOnlyList<CsvCell>)
            [CsvCell.Number(p.Line.ToString(CultureInfo.InvariantCulture)), CsvCell.Text(p.Column), CsvCell.Text(p.Reason)]));
}
