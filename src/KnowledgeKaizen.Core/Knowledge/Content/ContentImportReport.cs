using System.Text.Json;
using KnowledgeKaizen.Core.Hosting;

namespace KnowledgeKaizen.Core.Knowledge.Content;

public enum ContentImportOutcome
{
    Created,
    Updated,
    Unchanged,
    Failed,
}

/// <summary>What happened to one file.</summary>
public sealed record ContentImportItem(string Path, ContentImportOutcome Outcome, string? Message = null);

/// <summary>The result of one import run, kept for Admins.</summary>
public sealed record ContentImportReport(DateTimeOffset At, string Root, IReadOnlyList<ContentImportItem> Items, string? Problem = null)
{
    public int Count(ContentImportOutcome outcome) => Items.Count(i => i.Outcome == outcome);
}

/// <summary>The last import report, as a JSON file in the data folder so it survives restarts.</summary>
public sealed class ContentImportReportStore(DataFolder folder)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private string FilePath => Path.Combine(folder.Imports, "content-import-report.json");

    public async Task SaveAsync(ContentImportReport report, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder.Imports);
        await File.WriteAllTextAsync(FilePath, JsonSerializer.Serialize(report, Json), ct);
    }

    public async Task<ContentImportReport?> LoadAsync(CancellationToken ct = default)
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ContentImportReport>(await File.ReadAllTextAsync(FilePath, ct), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
