namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Posterior of one pair under a fitted <see cref="TwoGroupPrior"/>: what the findings show and classify by.</summary>
/// <param name="ProbabilityEffect">P(the rep has a real effect at the stage) = 1 − local FDR.</param>
/// <param name="ProbabilityPositive">P(real effect and it is positive): the standout probability.</param>
/// <param name="ProbabilityNegative">P(real effect and it is negative): the needs-coaching probability.</param>
/// <param name="MeanEffect">Posterior mean of the rep effect on the log-odds scale (0 for the null part).</param>
/// <param name="Rate">Posterior mean of the rep's rate on their own deals: the shown estimate.</param>
/// <param name="RateLow">Lower end of the credible interval of that rate (equal tails).</param>
/// <param name="RateHigh">Upper end.</param>
/// <param name="RateOnCompanyMix">Posterior mean of the stage's company-wide rate shifted by the rep's shift: comparable across reps.</param>
public sealed record EffectPosterior(
    double ProbabilityEffect,
    double ProbabilityPositive,
    double ProbabilityNegative,
    double MeanEffect,
    double Rate,
    double RateLow,
    double RateHigh,
    double RateOnCompanyMix)
{
    /// <summary>Local false-discovery rate: P(no effect | data).</summary>
    public double LocalFdr => 1 - ProbabilityEffect;

    /// <summary>Probability that a Standout flag on this pair is wrong: no effect, or a negative one.</summary>
    public double FalseStandoutProbability => 1 - ProbabilityPositive;

    /// <summary>Probability that a Needs-coaching flag on this pair is wrong.</summary>
    public double FalseCoachingProbability => 1 - ProbabilityNegative;
}
