namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>The header and first rows of a file, for detection, proposals and the mapping page.</summary>
public sealed record FileSample(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Rows, string? Problem)
{
    /// <summary>Reads up to <paramref name="rows"/> rows; a file that cannot be read gives its problem and no header.</summary>
    public static async Task<FileSample> ReadAsync(Stream stream, ImportFormat format, int rows, CancellationToken ct = default)
    {
        using var reader = SourceReader.Open(stream, format);
        try
        {
            if (await reader.OpenAsync(ct) is { } problem)
            {
                return new FileSample([], [], problem);
            }

            var read = new List<string?[]>();
            while (read.Count < rows && await reader.ReadAsync(ct))
            {
                if (reader.RecordProblem is not null)
                {
                    continue;
                }

                // A JSON record can bring columns the earlier ones lacked; read every name known so far.
                var cells = new string?[reader.Header.Count];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader[i];
                }

                read.Add(cells);
            }

            var width = reader.Header.Count;
            return new FileSample([.. reader.Header], read.Select(r => (IReadOnlyList<string?>)[.. r, .. new string?[width - r.Length]]).ToList(), null);
        }
        catch (Exception e) when (e is System.Text.DecoderFallbackException or System.Text.Json.JsonException or CsvHelper.CsvFormatException)
        {
            return new FileSample([], [], ImportMessages.Format(ImportMessages.SampleUnreadable, e.Message.Split('\n')[0]));
        }
    }

    /// <summary>The non-empty values of a column in the sample, distinct, in order of first appearance.</summary>
    public IReadOnlyList<string> Values(int column) =>
        Rows.Select(r => column < r.Count ? r[column]?.Trim() : null).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct().ToList();
}
