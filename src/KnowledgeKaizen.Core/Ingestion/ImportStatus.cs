namespace KnowledgeKaizen.Core.Ingestion;

public enum ImportStatus
{
    Queued,

    /// <summary>Reading and checking the file; nothing is applied.</summary>
    Running,

    /// <summary>The file passed; its rows are being applied in batches and the import completes, across a restart if need be.</summary>
    Applying,

    /// <summary>Applied.</summary>
    Succeeded,

    /// <summary>A dry run finished; nothing was applied.</summary>
    Previewed,

    /// <summary>The file had problems and, by its mode, nothing was applied.</summary>
    Rejected,

    /// <summary>The import crashed or was interrupted before its apply began; nothing was applied.</summary>
    Failed,
}
