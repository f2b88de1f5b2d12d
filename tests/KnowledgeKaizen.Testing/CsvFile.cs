using CsvHelper;

namespace KnowledgeKaizen.Testing;

/// <summary>Reads a CSV file back with a real parser (quoted commas, quotes and line breaks), to check generated or shipped data.</summary>
public static class CsvFile
{
    /// <summary>Every data row as column name → value.</summary>
    public static List<Dictionary<string, string>> Read(string path)
    {
        using var csv = CsvReader.FromFile(path, null);
        var header = csv.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = csv.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
