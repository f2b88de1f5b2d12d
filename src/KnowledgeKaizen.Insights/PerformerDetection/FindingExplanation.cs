namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Structured evidence behind one (rep, stage) finding, for the UI to render.</summary>
/// <param name="Entries">n.</param>
/// <param name="Advanced">Observed advances.</param>
/// <param name="Expected">Expected advances.</param>
/// <param name="ObservedRate">Observed / n.</param>
/// <param name="ExpectedRate">Expected / n.</param>
/// <param name="RateLow">Lower end of the credible interval of the shown (shrunk) rate, on the rep's own mix.</param>
/// <param name="RateHigh">Upper end of that interval.</param>
/// <param name="DealMix">Deal mix against peers.</param>
/// <param name="Behaviour">Activity per entry against peers (visits, calls, proposals, quotes, hours to first activity,
/// days in stage). Explanation only: none of it is a model feature. Measures never recorded are left out.</param>
public sealed record FindingExplanation(
    int Entries,
    int Advanced,
    double Expected,
    double ObservedRate,
    double ExpectedRate,
    double RateLow,
    double RateHigh,
    DealMixComparison DealMix,
    IReadOnlyList<MeasureComparison> Behaviour);
