namespace KnowledgeKaizen.Insights.Performance;

/// <summary>Whether the rep's deals at the stage were harder or easier than peers', judged by the model's expectation.</summary>
public enum DealDifficulty
{
    Harder,
    Similar,
    Easier,
}

/// <summary>A per-entry measure of the rep against peers (all other reps at the same stage).</summary>
/// <param name="Measure">e.g. "Amount", "Visits", "HoursToFirstActivity".</param>
/// <param name="RepMean">Rep's mean per entry.</param>
/// <param name="PeersMean">Peers' mean per entry.</param>
/// <param name="EffectSize">Cohen's d: difference of means over the pooled standard deviation (0 when that is 0).</param>
/// <param name="RepCount">Rep entries where the measure was recorded.</param>
/// <param name="PeersCount">Peer entries where it was recorded.</param>
public sealed record MeasureComparison(string Measure, double RepMean, double PeersMean, double EffectSize, int RepCount, int PeersCount);

/// <summary>Share of a category (industry, region, source) among the rep's entries and among peers' entries.</summary>
public sealed record ShareComparison(string Dimension, string Category, double RepShare, double PeersShare);

/// <summary>The rep's deal mix against peers at the stage: "harder deals than peers" shows here.</summary>
/// <param name="RepMeanExpected">Mean expected probability of the rep's entries.</param>
/// <param name="PeersMeanExpected">Mean expected probability of peers' entries.</param>
/// <param name="Difficulty">Harder when the rep's mean expectation is lower by the configured margin.</param>
/// <param name="Amount">Deal amount comparison.</param>
/// <param name="Shares">Industry, region and source shares, largest differences first.</param>
public sealed record DealMixComparison(
    double RepMeanExpected,
    double PeersMeanExpected,
    DealDifficulty Difficulty,
    MeasureComparison Amount,
    IReadOnlyList<ShareComparison> Shares);

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
