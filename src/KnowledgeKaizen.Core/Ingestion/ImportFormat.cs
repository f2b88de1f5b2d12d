namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>Input file format.</summary>
public enum ImportFormat
{
    Csv,

    /// <summary>A JSON array of objects or NDJSON (one object per line); told apart by the first character.</summary>
    Json,
}
