using System.Text;

namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>Reads the demo CRM files (seed/data) so consistency tests can compare the dashboards with the raw files.</summary>
public static class SeedCsv
{
    public static string Folder => KnowledgeKaizen.Testing.RepoPaths.SeedData;

    public static IEnumerable<Dictionary<string, string>> Read(string file)
    {
        using var reader = new StreamReader(Path.Combine(Folder, file), Encoding.UTF8);
        var records = Parse(reader.ReadToEnd()).ToList();
        var header = records[0];
        foreach (var record in records.Skip(1).Where(r => r.Count == header.Count))
        {
            yield return header.Select((h, i) => (h, record[i])).ToDictionary(p => p.h, p => p.Item2, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static IEnumerable<List<string>> Parse(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return record;
                record = [];
            }
            else { field.Append(c); }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
