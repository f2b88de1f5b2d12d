namespace KnowledgeKaizen.Core.Knowledge.Content;

/// <summary>
/// The last import report, as a JSON file in the file store so it survives restarts. Not under imports/: the import
/// recovery removes what no import record names there, so each start removed the report and logged it as a crash's leftover.
/// </summary>
public sealed class ContentImportReportStore(IFileStore files)
{
    private const string FilePath = "content/import-report.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task SaveAsync(ContentImportReport report, CancellationToken ct = default)
    {
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(report, Json));
        await files.WriteAsync(FilePath, content, ct);
    }

    public async Task<ContentImportReport?> LoadAsync(CancellationToken ct = default)
    {
        await using var content = await files.OpenReadAsync(FilePath, ct);
        if (content is null)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<ContentImportReport>(content, Json, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
