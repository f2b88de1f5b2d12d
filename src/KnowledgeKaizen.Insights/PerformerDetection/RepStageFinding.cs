namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// One (rep, stage) pair. Effects are on the log-odds scale: a shift added to every entry's expected log-odds.
/// The classification and the shown estimate come from the posterior under the stage's <see cref="TwoGroupPrior"/> with
/// the exact likelihood of the entries; <see cref="Effect"/>, <see cref="ZScore"/> and their intervals are the raw evidence
/// (one Fisher-scoring step from 0, β̂ = (O − E)/Σp(1−p), standard error s = 1/√Σp(1−p)), kept for reference.
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
/// <param name="Effect">β̂, the raw rep effect on the log-odds scale (not shrunk).</param>
/// <param name="EffectStandardError">s = 1/√Σp(1−p).</param>
/// <param name="ZScore">(observed − expected)/√Σp(1−p), the score statistic.</param>
/// <param name="EffectLow">Lower end of the raw interval β̂ − z·s (95% by default).</param>
/// <param name="EffectHigh">Upper end of the raw interval β̂ + z·s.</param>
/// <param name="ExcessLow">Lower end of the interval for observed − expected advances, (O − E) − z·√Σp(1−p).</param>
/// <param name="ExcessHigh">Upper end of that interval.</param>
/// <param name="Posterior">Posterior under the stage's two-group prior (probabilities are 0 where the stage has no prior).</param>
/// <param name="SelectedAtFdr">True when the pair is in the FDR-controlled Standout or NeedsCoaching set.</param>
/// <param name="ShrunkRate">The shown estimate: posterior mean of the rep's rate on their own deals. Always between
/// <paramref name="ExpectedRate"/> and <paramref name="RawRate"/> — small samples are pulled towards "no effect".</param>
/// <param name="ShrunkRateLow">Lower end of the credible interval of <paramref name="ShrunkRate"/> (95% by default); contains it.</param>
/// <param name="ShrunkRateHigh">Upper end of that interval.</param>
/// <param name="ShrunkRateOnCompanyMix">The posterior shift applied to the stage's company-wide rate: comparable across reps.</param>
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
    double ShrunkRateLow,
    double ShrunkRateHigh,
    double ShrunkRateOnCompanyMix,
    FindingExplanation Explanation,
    string? InsufficientReason);
