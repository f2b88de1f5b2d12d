namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>Settings under "KnowledgeKaizen:Imports".</summary>
public sealed class ImportOptions
{
    public const string Section = "KnowledgeKaizen:Imports";

    /// <summary>
    /// Days an import's file is kept after it was received (a preview can be committed, a problem looked into); the
    /// daily clean-up then deletes it. The history entry and its report stay.
    /// </summary>
    [Range(1, 3650)]
    public int KeepFilesDays { get; set; } = 30;

    /// <summary>When the daily clean-up of old import files runs ("HH:mm", server time); empty: never.</summary>
    public string? CleanupAt { get; set; } = "03:30";

    /// <summary>
    /// For crash tests only: an import that reaches this phase writes <see cref="HoldMarker"/> and waits there until
    /// its process is killed, so a test kills it at a known point. Unset in any real deployment. At
    /// <see cref="ImportPhase.Applying"/> the apply has begun and not finished: after the first batch committed where it goes
    /// in batches (SQLite), inside its one transaction before the commit otherwise (PostgreSQL).
    /// </summary>
    public ImportPhase? HoldAt { get; set; }

    /// <summary>The file written when an import is held at <see cref="HoldAt"/>.</summary>
    public string? HoldMarker { get; set; }
}
