using System.Globalization;
using CsvHelper;

namespace KnowledgeKaizen.SeedGenerator.Tests;

/// <summary>Small generated data sets in temporary folders, read back with a real CSV parser.</summary>
internal static class SeedFixture
{
    public static DemoDataOptions Small(int seed = 11) => new()
    {
        Seed = seed,
        SalesReps = 16,
        ServiceAgents = 4,
        Opportunities = 1_500,
        ServiceCases = 400,
        FeedbackItems = 600,
    };

    public static string Generate(DemoDataOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kk-seed-" + Guid.NewGuid().ToString("N"));
        new DemoDataGenerator(options).WriteTo(folder);
        return folder;
    }

    public static List<Dictionary<string, string>> Read(string folder, string file)
    {
        using var csv = CsvReader.FromFile(Path.Combine(folder, file), null);
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

    public static DateTime Instant(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
