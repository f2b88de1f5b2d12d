namespace KnowledgeKaizen.Core.Improvement;

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
