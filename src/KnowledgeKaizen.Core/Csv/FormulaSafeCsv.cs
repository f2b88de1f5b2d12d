namespace KnowledgeKaizen.Core.Csv;

/// <summary>
/// The one CSV writer of everything the portal hands out (dashboard tables, import templates, problem lists):
/// RFC 4180, UTF-8 with a byte-order mark so spreadsheets read Chinese text correctly. A text cell starting with
/// = + - @, tab or CR would run as a formula in a spreadsheet, so it gets a leading apostrophe; numbers the portal
/// wrote itself (e.g. a negative change) stay numbers.
/// </summary>
public static class FormulaSafeCsv
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<CsvCell>> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(h => Field(CsvCell.Text(h)))).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Field(CsvCell cell)
    {
        var value = cell.Value;
        if (cell.IsText && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
