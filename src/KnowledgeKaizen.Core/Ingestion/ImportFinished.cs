namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// An import ended (applied, previewed, rejected or failed), raised in the transaction that records its outcome — for an
/// applied import the one that commits its last rows.
/// </summary>
/// <param name="ImportId">The history entry.</param>
/// <param name="Kind">The record kind imported.</param>
/// <param name="Outcome">Succeeded, Previewed, Rejected or Failed.</param>
/// <param name="Source">Upload page, API, command line or demo data.</param>
/// <param name="RequestedBy">Who started it: the user's email, "token:name" for an API token, the OS user for the command line.</param>
/// <param name="FileName">The file's name as given.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Inserted">Rows inserted (for a preview or a rejected file: that would have been).</param>
/// <param name="Updated">Rows updated (likewise).</param>
/// <param name="Unchanged">Rows identical to what was stored.</param>
/// <param name="Rejected">Rows with a problem.</param>
/// <param name="Message">The one-line summary or the failure reason.</param>
public sealed record ImportFinished(
    Guid ImportId,
    ImportKind Kind,
    ImportStatus Outcome,
    ImportSource Source,
    string? RequestedBy,
    string FileName,
    long Rows,
    long Inserted,
    long Updated,
    long Unchanged,
    long Rejected,
    string? Message) : IDomainEvent;
