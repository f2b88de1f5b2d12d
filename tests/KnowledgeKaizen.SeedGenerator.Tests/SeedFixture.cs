using System.Globalization;
using KnowledgeKaizen.Testing;

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
        var folder = Path.Combine(Path.GetTempPath(), "kk-tests", "seed-" + Guid.NewGuid().ToString("N"));
        new DemoDataGenerator(options).WriteTo(folder);
        return folder;
    }

    public static List<Dictionary<string, string>> Read(string folder, string file) => CsvFile.Read(Path.Combine(folder, file));

    public static DateTime Instant(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
