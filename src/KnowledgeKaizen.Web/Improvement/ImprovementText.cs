using KnowledgeKaizen.Core.Improvement;

namespace KnowledgeKaizen.Web.Improvement;

/// <summary>English keys (localised in views) for the improvement enums.</summary>
public static class ImprovementText
{
    public static string Phase(CyclePhase phase) => phase switch
    {
        CyclePhase.Plan => "Plan",
        CyclePhase.Do => "Do",
        CyclePhase.Check => "Check",
        CyclePhase.Adapt => "Adapt",
        _ => "Closed",
    };

    public static string Type(CycleType type) => type == CycleType.Sdca ? "SDCA" : "PDCA";

    public static string Verdict(CheckVerdict verdict) => verdict switch
    {
        CheckVerdict.Improved => "Improved (significant)",
        CheckVerdict.Worse => "Worse (significant)",
        CheckVerdict.NoEvidence => "No significant change",
        CheckVerdict.Unavailable => "Metric no longer defined",
        _ => "Not enough data yet",
    };

    public static string Outcome(CycleOutcome outcome) => outcome switch
    {
        CycleOutcome.Standardised => "Standardised",
        CycleOutcome.NextCycle => "Next cycle opened",
        CycleOutcome.Stopped => "Stopped",
        _ => "Open",
    };

    public static string LinkKind(CycleLinkKind kind) => kind switch
    {
        CycleLinkKind.Playbook => "Playbook",
        CycleLinkKind.ProcedureRevision => "Procedure revision",
        _ => "Course",
    };

    /// <summary>Moves offered on a board card (Adapt and Closed go through the cycle page's Adapt actions).</summary>
    public static IReadOnlyList<CyclePhase> BoardMoves(CyclePhase phase) => phase switch
    {
        CyclePhase.Plan => [CyclePhase.Do],
        CyclePhase.Do => [CyclePhase.Check],
        CyclePhase.Check => [CyclePhase.Adapt, CyclePhase.Do],
        _ => [],
    };

    /// <summary>The label (a localisation key) of a catalogue metric's unit.</summary>
    public static string Unit(string unit) => unit switch
    {
        "%" => "%",
        "days" => "days",
        "h" => "hours",
        "per 100" => "per 100 customers",
        _ => unit,
    };

    /// <summary>A metric value in its unit, e.g. "42.1 %", "3.5 days" ("3.5 天"): <paramref name="unitLabel"/> is the localised unit.</summary>
    public static string Value(double? value, string unit, string unitLabel) => value is { } v
        ? unit == "%" ? $"{v:N1} %" : $"{v:N1} {unitLabel}"
        : "—";
}
