namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>The figures of one (rep, stage) finding, as the engine computed them.</summary>
/// <param name="Entries">n.</param>
/// <param name="Advanced">Observed advances.</param>
/// <param name="Expected">Expected advances from the deals' own features.</param>
/// <param name="RawRate">Observed / n.</param>
/// <param name="ExpectedRate">Expected / n.</param>
/// <param name="Lift">Observed / expected.</param>
/// <param name="Effect">Rep effect on the log-odds scale.</param>
/// <param name="EffectLow">Lower end of the effect interval.</param>
/// <param name="EffectHigh">Upper end of the effect interval.</param>
/// <param name="RateLow">Rate implied by the lower end, on the rep's own mix.</param>
/// <param name="RateHigh">Rate implied by the upper end.</param>
/// <param name="ShrunkRate">Posterior (shrunk) rate on the rep's own mix.</param>
/// <param name="ShrunkRateOnCompanyMix">Posterior effect applied to the stage's company rate: comparable across reps.</param>
/// <param name="ProbabilityStandout">Posterior probability of a real positive effect.</param>
/// <param name="ProbabilityCoaching">Posterior probability of a real negative effect.</param>
/// <param name="ZScore">Score statistic (observed − expected)/√Σp(1−p).</param>
public sealed record FindingFigures(
    int Entries,
    int Advanced,
    double Expected,
    double RawRate,
    double ExpectedRate,
    double Lift,
    double Effect,
    double EffectLow,
    double EffectHigh,
    double RateLow,
    double RateHigh,
    double ShrunkRate,
    double ShrunkRateOnCompanyMix,
    double ProbabilityStandout,
    double ProbabilityCoaching,
    double ZScore);
