namespace KnowledgeKaizen.Core.Improvement;

/// <summary>How a cycle ended.</summary>
public enum CycleOutcome
{
    None = 0,

    /// <summary>The practice was promoted into a procedure revision.</summary>
    Standardised = 1,

    /// <summary>A follow-up cycle starts from this one's result.</summary>
    NextCycle = 2,

    /// <summary>Closed without standardising (the change did not work or was dropped).</summary>
    Stopped = 3,
}
