using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// One (rep, stage) pair. Effects are on the log-odds scale: β is a shift added to every entry's expected log-odds.
/// It is estimated by one Fisher-scoring step from β = 0, β̂ = (O − E)/Σp(1−p), with standard error
/// s = 1/√Σp(1−p); so β̂/s is exactly the score z and, for reps without an effect, β̂ ~ N(0, s²) holds well even
/// for small n (the full maximum-likelihood shift overshoots on small samples and inflates the fitted prior).
/// </summary>
/// <param name="RepId">The rep's database id.</param>
/// <param name="Stage">Stage code.</param>
/// <param name="Class">Classification.</param>
/// <param name="Entries">n, entries of the rep at the stage.</param>
/// <param name="Advanced">Observed advances.</param>
/// <param name="Expected">Expected advances Σp from the deals' own features.</param>
/// <param name="RawRate">Observed / n.</param>
/// <param name="ExpectedRate">Expected / n.</param>
/// <param name="Lift">Observed / expected.</param>
/// <param name="Effect">β̂, the rep effect on the log-odds scale.</param>
/// <param name="EffectStandardError">s = 1/√Σp(1−p).</param>
/// <param name="ZScore">(observed − expected)/√Σp(1−p), the score statistic.</param>
/// <param name="EffectLow">Lower end of the interval β̂ − z·s (95% by default).</param>
/// <param name="EffectHigh">Upper end of the interval β̂ + z·s.</param>
/// <param name="ExcessLow">Lower end of the interval for observed − expected advances, (O − E) − z·√Σp(1−p).</param>
/// <param name="ExcessHigh">Upper end of that interval.</param>
/// <param name="Posterior">Posterior under the stage's two-group prior (probabilities are 0 for insufficient data).</param>
/// <param name="SelectedAtFdr">True when the pair is in the FDR-controlled Standout or NeedsCoaching set.</param>
/// <param name="ShrunkRate">The rep's expected rate on their own deal mix with the posterior mean effect: logistic(logit(E/n) + E[β]).</param>
/// <param name="ShrunkRateOnCompanyMix">The same effect applied to the stage's company-wide rate: comparable across reps.</param>
/// <param name="Explanation">Evidence, deal mix and behaviour against peers at the stage.</param>
/// <param name="InsufficientReason">Why the pair is insufficient data, when it is.</param>
public sealed record RepStageFinding(
    long RepId,
    string Stage,
    FindingClass Class,
    int Entries,
    int Advanced,
    double Expected,
    double RawRate,
    double ExpectedRate,
    double Lift,
    double Effect,
    double EffectStandardError,
    double ZScore,
    double EffectLow,
    double EffectHigh,
    double ExcessLow,
    double ExcessHigh,
    EffectPosterior Posterior,
    bool SelectedAtFdr,
    double ShrunkRate,
    double ShrunkRateOnCompanyMix,
    FindingExplanation Explanation,
    string? InsufficientReason);
