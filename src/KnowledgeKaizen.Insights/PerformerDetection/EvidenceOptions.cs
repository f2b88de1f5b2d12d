using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Evidence thresholds of performer detection's classification (bound from "Insights:Evidence").</summary>
public sealed record EvidenceOptions
{
    /// <summary>A (rep, stage) pair with fewer entries is <see cref="FindingClass.InsufficientData"/>.</summary>
    public int MinEntries { get; init; } = 20;

    /// <summary>Minimum expected advances Σp and expected non-advances Σ(1−p): below it the normal approximation fails.</summary>
    public double MinExpectedCount { get; init; } = 3;

    /// <summary>A stage needs this many eligible pairs to fit its prior; otherwise its pairs are insufficient data.</summary>
    public int MinPairsPerStage { get; init; } = 5;

    /// <summary>Posterior probability of a real positive (negative) effect needed for Standout (NeedsCoaching).</summary>
    public double PosteriorThreshold { get; init; } = 0.8;

    /// <summary>Target false-discovery rate of the Standout set, and separately of the NeedsCoaching set, over all stages.</summary>
    public double TargetFdr { get; init; } = 0.1;

    /// <summary>Promising: not a standout, but P(standout) at least this, or z at least <see cref="PromisingZ"/>.</summary>
    public double PromisingPosterior { get; init; } = 0.5;

    /// <summary>One-sided 5% by default.</summary>
    public double PromisingZ { get; init; } = 1.645;

    /// <summary>The prior assumes most reps have no effect: the null share is never fitted below this.</summary>
    public double MinNullProportion { get; init; } = 0.5;

    /// <summary>Normal quantile of the reported intervals (1.96 = 95%).</summary>
    public double IntervalZ { get; init; } = 1.96;

    /// <summary>Deal mix is "harder" ("easier") when the rep's mean expected probability is this much below (above) peers'.</summary>
    public double DealDifficultyMargin { get; init; } = 0.02;

    /// <summary>
    /// Widen the null by the robust spread of z across a stage's reps (Efron's empirical null) when it exceeds 1,
    /// so over-dispersion the model leaves behind is not mistaken for rep effects.
    /// </summary>
    public bool EmpiricalNull { get; init; }
}
