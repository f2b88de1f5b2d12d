using System.Text;

namespace KnowledgeKaizen.Web.Insights;

/// <summary>RFC 4180 CSV of a <see cref="MetricTable"/>, safe to open in a spreadsheet.</summary>
public static class CsvExport
{
    /// <summary>UTF-8 with BOM so spreadsheet programs read Chinese text correctly.</summary>
    public static byte[] Write(MetricTable table)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', table.Columns.Select(Field)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            csv.AppendJoin(',', row.Select(v => Field(v.Raw is string s ? s : v.Invariant, v.Raw is string))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Field(string value) => Field(value, true);

    /// <summary>
    /// Text starting with = + - @ tab or CR would run as a formula in a spreadsheet: it gets a leading
    /// apostrophe. Numbers we wrote ourselves (e.g. a negative change) are left as numbers.
    /// </summary>
    private static string Field(string value, bool isText)
    {
        if (isText && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
