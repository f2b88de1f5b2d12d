namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>How much of a file with problems is applied.</summary>
public enum ImportMode
{
    /// <summary>Any problem rejects the whole file (the default).</summary>
    AllOrNothing,

    /// <summary>Valid rows are applied; the others are reported.</summary>
    ValidRowsOnly,
}
