namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// The records of a JSON file one at a time: an array of objects streamed element by element, or NDJSON (one object
/// per line, blank lines skipped), told apart by the first character. Memory stays flat however large the file is.
/// </summary>
internal sealed class JsonRecords(Stream stream) : IDisposable
{
    private IAsyncEnumerator<JsonElement>? array;
    private StreamReader? lines;

    /// <summary>The record number in an array, the line in NDJSON.</summary>
    public long Line { get; private set; }

    /// <summary>Finds the records; a problem with the whole file, or null.</summary>
    public async ValueTask<string?> OpenAsync(CancellationToken ct)
    {
        switch (await FirstSignificantByteAsync(stream, ct))
        {
            case -1:
                return ImportMessages.FileEmpty;
            case '[':
                array = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: ct).GetAsyncEnumerator(ct);
                return null;
            case '{':
                lines = new StreamReader(stream, CsvRowSource.StrictUtf8, detectEncodingFromByteOrderMarks: true);
                return null;
            default:
                return ImportMessages.JsonNotRecords;
        }
    }

    /// <summary>Hands the next record to <paramref name="record"/>, or an NDJSON line that is no JSON to <paramref name="malformed"/>; false at the end.</summary>
    public async ValueTask<bool> ReadAsync(Action<JsonElement> record, Action<string> malformed, CancellationToken ct)
    {
        if (array is not null)
        {
            if (!await array.MoveNextAsync())
            {
                return false;
            }

            Line++;
            record(array.Current);
            return true;
        }

        while (await lines!.ReadLineAsync(ct) is { } line)
        {
            Line++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                record(doc.RootElement);
            }
            catch (JsonException ex)
            {
                malformed(ImportMessages.Format(ImportMessages.LineNotObject, ex.Message));
            }

            return true;
        }

        return false;
    }

    /// <summary>Peeks past a BOM and whitespace to tell an array from NDJSON, then rewinds.</summary>
    private static async ValueTask<int> FirstSignificantByteAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[1];
        var start = stream.Position;
        while (await stream.ReadAsync(buffer, ct) == 1)
        {
            var b = buffer[0];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            stream.Position = start;
            return b;
        }

        return -1;
    }

    public void Dispose()
    {
        lines?.Dispose();
        array?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
