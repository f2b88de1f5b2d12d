using KnowledgeKaizen.Core.Csv;

namespace KnowledgeKaizen.Web.Insights;

/// <summary>A <see cref="MetricTable"/> as CSV: its text cells as text, its numbers as numbers (<see cref="FormulaSafeCsv"/>).</summary>
public static class CsvExport
{
    public static byte[] Write(MetricTable table) => FormulaSafeCsv.Write(table.Columns,
        table.Rows.Select(row => (IReadOnlyList<CsvCell>)[.. row.Select(v => v.Raw is string s ? CsvCell.Text(s) : CsvCell.Number(v.Invariant))]));
}
