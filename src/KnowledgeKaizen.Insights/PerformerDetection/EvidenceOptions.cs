namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Evidence thresholds of performer detection's classification (bound from "Insights:Evidence").</summary>
public sealed record EvidenceOptions
{
    /// <summary>A (rep, stage) pair with fewer entries is <see cref="FindingClass.InsufficientData"/>.</summary>
    public int MinEntries { get; init; } = 20;

    /// <summary>Minimum expected advances Σp and expected non-advances Σ(1−p): below it a pair says too little to classify.</summary>
    public double MinExpectedCount { get; init; } = 3;

    /// <summary>A stage needs this many eligible pairs to fit its prior; otherwise its pairs are insufficient data.</summary>
    public int MinPairsPerStage { get; init; } = 5;

    /// <summary>Posterior probability of a real positive (negative) effect needed for Standout (NeedsCoaching).</summary>
    public double PosteriorThreshold { get; init; } = 0.8;

    /// <summary>Target false-discovery rate of the Standout set, and separately of the NeedsCoaching set, over all stages.</summary>
    public double TargetFdr { get; init; } = 0.1;

    /// <summary>Promising: not a Standout, but the posterior probability of a real positive effect is at least this.</summary>
    public double PromisingPosterior { get; init; } = 0.5;

    /// <summary>The prior assumes most reps have no effect: the null share is never fitted below this.</summary>
    public double MinNullProportion { get; init; } = 0.5;

    /// <summary>
    /// Pairs counted as "no effect" on top of the data when the prior is fitted (a Dirichlet prior on the null share), so
    /// the null share is not underestimated on a stage with few pairs or none with an effect.
    /// </summary>
    public double NullPseudoCount { get; init; } = 10;

    /// <summary>Normal quantile of the reported intervals (1.96 = 95%); the credible interval leaves the same tail mass on each side.</summary>
    public double IntervalZ { get; init; } = 1.96;

    /// <summary>Deal mix is "harder" ("easier") when the rep's mean expected probability is this much below (above) peers'.</summary>
    public double DealDifficultyMargin { get; init; } = 0.02;

    /// <summary>
    /// Train the expectation a second time on the outcomes with each pair's estimated rep effect taken out, so standouts
    /// (and laggards) clustered in one kind of deal do not shift that kind of deal's expectation for everyone.
    /// </summary>
    public bool RefitWithoutRepEffects { get; init; } = true;
}
