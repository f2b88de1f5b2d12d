namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// Derives an opportunity's stage-history rows (one per stage: entered, left, outcome) from the "stage changed to X at
/// time T" events CRMs export, by the rules in docs/data-formats.md: map and collapse repeats, only the last close
/// counts (an earlier one was reopened), walk the stages with a high-water mark (a skipped stage becomes a zero-length
/// row, a move backwards changes nothing, a won deal is filled to the last stage, a lost deal is lost at the furthest
/// stage), and the opportunity record decides the final outcome. Everything it had to interpret is a note.
/// </summary>
public static class StageHistoryDerivation
{
    /// <param name="opportunity">The opportunity's external id (row ids are "id:stage").</param>
    /// <param name="events">The events in source order; sorted here by time (stable, so equal times keep source order).</param>
    /// <param name="stages">The portal's stage codes in order.</param>
    /// <param name="outcome">The opportunity record's outcome.</param>
    /// <param name="closedAt">The record's close time, used when the history has no close event.</param>
    public static DerivedHistory Derive(string opportunity, IReadOnlyList<StageEvent> events, IReadOnlyList<string> stages,
        DealOutcome outcome, DateTime? closedAt)
    {
        var notes = new List<DerivationNote>();
        var sorted = events.Where(e => e.Target != StageEvent.Ignore).OrderBy(e => e.At).ToList();
        var collapsed = Collapse(sorted);

        // Only the last close counts: a close followed by any later event was reopened.
        var kept = new List<StageEvent>(collapsed.Count);
        for (var i = 0; i < collapsed.Count; i++)
        {
            if (collapsed[i].IsClose && i < collapsed.Count - 1)
            {
                notes.Add(new DerivationNote(DerivationNoteKind.Reopened, opportunity, collapsed[i].Line, collapsed[i].At, collapsed[i].Source, null));
                continue;
            }

            kept.Add(collapsed[i]);
        }

        var walk = new Walk(opportunity, stages, notes);
        foreach (var e in Collapse(kept).Where(e => !e.IsClose))
        {
            walk.Enter(e);
        }

        var last = kept.Count > 0 ? kept[^1] : null;
        var historyClose = last is { IsClose: true } ? last : null;
        var wanted = outcome switch
        {
            DealOutcome.Won => StageEvent.Won,
            DealOutcome.Lost => StageEvent.Lost,
            _ => (int?)null,
        };
        if (walk.High < 0 && (wanted is not null || historyClose is not null || sorted.Count == 0))
        {
            notes.Add(new DerivationNote(DerivationNoteKind.NoHistory, opportunity, last?.Line ?? 0, last?.At, null,
                sorted.Count == 0 ? null : ImportMessages.NoStageBeforeClose));
            return new DerivedHistory([], notes);
        }

        if (historyClose?.Target == wanted)
        {
            if (historyClose is not null)
            {
                walk.Close(historyClose.Target, historyClose.At, historyClose.Line);
            }
        }
        else if (wanted is null)
        {
            // The record is open but the history ends with a close: the last row stays open.
            notes.Add(new DerivationNote(DerivationNoteKind.StateConflict, opportunity, historyClose!.Line, historyClose.At, historyClose.Source,
                "open"));
        }
        else if (historyClose is null)
        {
            var at = closedAt ?? sorted[^1].At;
            notes.Add(new DerivationNote(DerivationNoteKind.TerminalMissing, opportunity, sorted[^1].Line, at, null, Describe(wanted.Value)));
            walk.Close(wanted.Value, at, sorted[^1].Line);
        }
        else
        {
            notes.Add(new DerivationNote(DerivationNoteKind.StateConflict, opportunity, historyClose.Line, historyClose.At, historyClose.Source,
                Describe(wanted.Value)));
            walk.Close(wanted.Value, historyClose.At, historyClose.Line);
        }

        return new DerivedHistory(walk.Rows(), notes);
    }

    private static string Describe(int target) => target == StageEvent.Won ? "won" : "lost";

    /// <summary>Drops an event whose target equals the previous event's (amount-only rows, two vendor values of one stage).</summary>
    private static List<StageEvent> Collapse(List<StageEvent> events)
    {
        var result = new List<StageEvent>(events.Count);
        foreach (var e in events)
        {
            if (result.Count == 0 || result[^1].Target != e.Target)
            {
                result.Add(e);
            }
        }

        return result;
    }

    /// <summary>The stages walked with a high-water mark: the furthest stage reached owns the time after it.</summary>
    private sealed class Walk(string opportunity, IReadOnlyList<string> stages, List<DerivationNote> notes)
    {
        private readonly DerivedStageRow?[] rows = new DerivedStageRow?[stages.Count];
        private int current = -1;

        public int High { get; private set; } = -1;

        public void Enter(StageEvent e)
        {
            var stage = e.Target;
            if (stage > High)
            {
                if (High >= 0)
                {
                    rows[High] = rows[High]! with { LeftAt = e.At, Outcome = StageOutcome.Advanced };
                }

                for (var q = High + 1; q < stage; q++)
                {
                    rows[q] = new DerivedStageRow(stages[q], e.At, e.At, StageOutcome.Advanced, e.Line);
                    notes.Add(new DerivationNote(DerivationNoteKind.Skipped, opportunity, e.Line, e.At, e.Source, stages[q]));
                }

                rows[stage] = new DerivedStageRow(stages[stage], e.At, null, StageOutcome.Open, e.Line);
                High = stage;
            }

            if (stage < current)
            {
                notes.Add(new DerivationNote(DerivationNoteKind.Backward, opportunity, e.Line, e.At, e.Source, $"{stages[current]}->{stages[stage]}"));
            }

            current = stage;
        }

        public void Close(int target, DateTime at, long line)
        {
            if (target == StageEvent.Won)
            {
                rows[High] = rows[High]! with { LeftAt = at, Outcome = StageOutcome.Advanced };
                for (var q = High + 1; q < stages.Count; q++)
                {
                    rows[q] = new DerivedStageRow(stages[q], at, at, StageOutcome.Advanced, line);
                    notes.Add(new DerivationNote(DerivationNoteKind.FilledToWon, opportunity, line, at, null, stages[q]));
                }
            }
            else
            {
                rows[High] = rows[High]! with { LeftAt = at, Outcome = StageOutcome.Lost };
            }
        }

        public IReadOnlyList<DerivedStageRow> Rows() => rows.Where(r => r is not null).Select(r => r!).ToList();
    }
}

/// <summary>One "the opportunity moved to <see cref="Target"/> at <see cref="At"/>" event.</summary>
/// <param name="At">When, in UTC.</param>
/// <param name="Target">The portal stage's index in the stage order, or <see cref="Won"/>, <see cref="Lost"/>, <see cref="Ignore"/>.</param>
/// <param name="Source">The vendor's value, for the notes.</param>
/// <param name="Line">The source line the event came from.</param>
public sealed record StageEvent(DateTime At, int Target, string Source, long Line)
{
    public const int Won = -1;
    public const int Lost = -2;
    public const int Ignore = -3;

    public bool IsClose => Target is Won or Lost;
}

/// <summary>A derived stage-history row.</summary>
public sealed record DerivedStageRow(string Stage, DateTime EnteredAt, DateTime? LeftAt, StageOutcome Outcome, long Line);

/// <summary>The rows of one opportunity and what had to be interpreted to make them.</summary>
public sealed record DerivedHistory(IReadOnlyList<DerivedStageRow> Rows, IReadOnlyList<DerivationNote> Notes);

/// <summary>What a derivation had to interpret.</summary>
public enum DerivationNoteKind
{
    /// <summary>A stage the deal jumped over: filled as a zero-length stage.</summary>
    Skipped,

    /// <summary>A won deal whose history stops before the last stage: the rest filled as zero-length stages.</summary>
    FilledToWon,

    /// <summary>The deal moved back to an earlier stage; the furthest stage keeps the time.</summary>
    Backward,

    /// <summary>A close that a later event undid.</summary>
    Reopened,

    /// <summary>The record is closed but the history has no close: applied at the record's close time.</summary>
    TerminalMissing,

    /// <summary>The record and the history disagree on the outcome: the record wins.</summary>
    StateConflict,

    /// <summary>No stage history at all, or no stage before the close: no rows.</summary>
    NoHistory,
}

/// <param name="Kind">What happened.</param>
/// <param name="Opportunity">The opportunity's external id.</param>
/// <param name="Line">The source line of the event concerned (0 when none).</param>
/// <param name="At">The time concerned.</param>
/// <param name="Source">The vendor's value concerned.</param>
/// <param name="Detail">The stage (skipped, filled), "from->to" (backward), the record's outcome (conflicts).</param>
public sealed record DerivationNote(DerivationNoteKind Kind, string Opportunity, long Line, DateTime? At, string? Source, string? Detail);
