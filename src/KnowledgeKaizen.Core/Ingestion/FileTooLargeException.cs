namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>The file was larger than the configured upload limit.</summary>
public sealed class FileTooLargeException(long limitBytes)
    : Exception(ImportMessages.Format(ImportMessages.FileTooLarge, limitBytes / (1024 * 1024)))
{
    public long LimitBytes { get; } = limitBytes;
}
