using System.Text.Json.Serialization;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Something a mapping had to interpret, which did not stop the import: a stage-history derivation step (a skipped stage
/// filled, a move backwards, a reopened deal…) or a value the mapping filled in for an empty one.
/// </summary>
/// <param name="Line">The source line concerned (0 when none).</param>
/// <param name="Kind">skipped, filled-to-won, backward, reopened, terminal-missing, state-conflict, no-history or default-used.</param>
/// <param name="Subject">The record concerned (the opportunity's id, or the field).</param>
/// <param name="Detail">The stage; for a move back the two stages; the record's outcome; or the value used.</param>
/// <param name="At">The time concerned.</param>
/// <param name="Source">The vendor's value or column concerned.</param>
public sealed record ImportNote(long Line, string Kind, string? Subject, string? Detail, DateTime? At, string? Source)
{
    /// <summary>The note in English, for logs, the command line and the API.</summary>
    [JsonPropertyName("text")]
    public string Text
    {
        get
        {
            var at = At is { } time ? time.ToString(" 'at' yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : string.Empty;
            return Kind switch
            {
                ImportNoteKinds.Skipped => $"{Subject}: stage {Detail} was skipped; filled as a zero-length stage{at}.",
                ImportNoteKinds.FilledToWon => $"{Subject}: won before stage {Detail}; filled as a zero-length stage{at}.",
                ImportNoteKinds.Backward => $"{Subject}: moved back {Detail}{at}; the furthest stage keeps the time.",
                ImportNoteKinds.Reopened => $"{Subject}: the close ({Source}){at} was reopened later and does not count.",
                ImportNoteKinds.TerminalMissing => $"{Subject}: the record is {Detail} but the history has no close; closed{at}.",
                ImportNoteKinds.StateConflict => $"{Subject}: the history ends with {Source}{at} but the record is {Detail}; the record wins.",
                ImportNoteKinds.NoHistory => $"{Subject}: no stage history{(Detail is null ? string.Empty : $" ({Detail})")}; no rows.",
                _ => $"{Subject}: {Source} was empty; used {Detail}.",
            };
        }
    }
}

/// <summary>The kinds of <see cref="ImportNote"/>.</summary>
public static class ImportNoteKinds
{
    public const string Skipped = "skipped";
    public const string FilledToWon = "filled-to-won";
    public const string Backward = "backward";
    public const string Reopened = "reopened";
    public const string TerminalMissing = "terminal-missing";
    public const string StateConflict = "state-conflict";
    public const string NoHistory = "no-history";

    /// <summary>An empty value replaced by the mapping's "if empty" value.</summary>
    public const string DefaultUsed = "default-used";
}
