namespace KnowledgeKaizen.Core.Improvement;

/// <summary>The two cycles of the source article.</summary>
public enum CycleType
{
    /// <summary>Standardise – Do – Check – Adapt: make an unstable process follow a written standard.</summary>
    Sdca = 1,

    /// <summary>Plan – Do – Check – Adapt: improve a process that already has an effective standard.</summary>
    Pdca = 2,
}

/// <summary>Board columns, in order. A cycle only moves forward, except Check → Do to keep collecting data.</summary>
public enum CyclePhase
{
    Plan = 0,
    Do = 1,
    Check = 2,
    Adapt = 3,
    Closed = 4,
}

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

/// <summary>What was rolled out in the Do phase.</summary>
public enum CycleLinkKind
{
    Playbook = 1,
    ProcedureRevision = 2,
    Course = 3,
}

/// <summary>What the Check computation concluded.</summary>
public enum CheckVerdict
{
    /// <summary>Too few observations before or after the rollout to say anything.</summary>
    NotEnoughData = 0,

    /// <summary>Significant change in the good direction.</summary>
    Improved = 1,

    /// <summary>No significant change: no claim is made.</summary>
    NoEvidence = 2,

    /// <summary>Significant change in the bad direction.</summary>
    Worse = 3,

    /// <summary>The metric cannot be computed (definition removed).</summary>
    Unavailable = 4,
}
