namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>The file was larger than the configured upload limit.</summary>
public sealed class FileTooLargeException(long limitBytes)
    : Exception($"The file is larger than the limit of {limitBytes / (1024 * 1024)} MB.")
{
    public long LimitBytes { get; } = limitBytes;
}
