namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>Reads the demo CRM files (seed/data) so consistency tests can compare the dashboards with the raw files.</summary>
public static class SeedCsv
{
    public static List<Dictionary<string, string>> Read(string file) => CsvFile.Read(Path.Combine(RepoPaths.SeedData, file));
}
