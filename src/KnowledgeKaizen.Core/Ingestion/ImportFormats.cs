namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>How an import file is encoded.</summary>
public static class ImportFormats
{
    /// <summary>By extension; otherwise content starting with '[' or '{' is JSON and anything else CSV.</summary>
    public static ImportFormat Detect(Stream start, string? fileName)
    {
        if (ImportKinds.FormatOf(fileName) is { } known)
        {
            return known;
        }

        int b;
        while ((b = start.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
        {
        }

        return b is '[' or '{' ? ImportFormat.Json : ImportFormat.Csv;
    }
}
