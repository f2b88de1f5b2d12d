namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>Where an import is, in order. Progress reports name the phase; a crash test can stop an import at one.</summary>
public enum ImportPhase
{
    /// <summary>The file is stored and the import recorded; nothing is read yet.</summary>
    Received,

    /// <summary>Rows are read, checked and staged beside the database; nothing is applied.</summary>
    Reading,

    /// <summary>The staged rows are being applied in short transactions; the import completes even across a restart.</summary>
    Applying,

    /// <summary>Every row and the record are committed; the dashboards' aggregates are brought up to date.</summary>
    Applied,
}
