namespace KnowledgeKaizen.Core.Ingestion;

public enum ImportStatus
{
    Queued,
    Running,

    /// <summary>Applied.</summary>
    Succeeded,

    /// <summary>A dry run finished; nothing was applied.</summary>
    Previewed,

    /// <summary>The file had problems and, by its mode, nothing was applied.</summary>
    Rejected,

    /// <summary>The import crashed or was interrupted; nothing was applied.</summary>
    Failed,
}
