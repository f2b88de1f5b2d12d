using System.Globalization;
using CsvHelper;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// CSV the portal hands out: import templates and problem lists. Every text cell that a spreadsheet would
/// run as a formula (starting with = + - @, tab or CR) is escaped with a leading apostrophe, so a
/// <c>=HYPERLINK(...)</c> stored as text stays text when the export is opened in Excel.
/// </summary>
public static class CsvExports
{
    private static readonly CsvWriterOptions Safe = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    /// <summary>The header row of a kind: an empty file to fill in.</summary>
    public static void WriteTemplate(Stream output, ImportKind kind)
    {
        using var writer = CsvWriter.Create(output, Safe, leaveOpen: true);
        writer.WriteHeader(ImportKinds.Columns(kind).Select(c => c.Name).ToArray());
        writer.Flush();
    }

    /// <summary>The problems of a report: line, column, reason.</summary>
    public static void WriteProblems(Stream output, ImportReport report)
    {
        using var writer = CsvWriter.Create(output, Safe, leaveOpen: true);
        writer.WriteHeader(["line", "column", "reason"]);
        foreach (var problem in report.Problems)
        {
            writer.WriteField(problem.Line.ToString(CultureInfo.InvariantCulture));
            writer.WriteField(problem.Column ?? string.Empty);
            writer.WriteField(problem.Reason);
            writer.EndRecord();
        }

        writer.Flush();
    }

    /// <summary>Rows of text cells, each escaped against formula injection.</summary>
    public static void WriteRows(Stream output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = CsvWriter.Create(output, Safe, leaveOpen: true);
        writer.WriteHeader(header.ToArray());
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                writer.WriteField(cell ?? string.Empty);
            }

            writer.EndRecord();
        }

        writer.Flush();
    }
}
