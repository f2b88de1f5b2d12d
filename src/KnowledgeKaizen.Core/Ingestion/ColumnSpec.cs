namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>A column a kind understands.</summary>
public sealed record ColumnSpec(string Name, bool Required);
