namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Posterior of one rep's effect under a fitted <see cref="TwoGroupPrior"/>.</summary>
/// <param name="ProbabilityEffect">P(the rep has a real effect) = 1 − local FDR.</param>
/// <param name="ProbabilityPositive">P(real effect and it is positive): the standout probability.</param>
/// <param name="ProbabilityNegative">P(real effect and it is negative): the needs-coaching probability.</param>
/// <param name="MeanEffect">Posterior mean effect on the log-odds scale (0 for the null part).</param>
public sealed record EffectPosterior(double ProbabilityEffect, double ProbabilityPositive, double ProbabilityNegative, double MeanEffect)
{
    /// <summary>Local false-discovery rate: P(no effect | data).</summary>
    public double LocalFdr => 1 - ProbabilityEffect;
}
