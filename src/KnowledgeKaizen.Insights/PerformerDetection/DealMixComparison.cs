namespace KnowledgeKaizen.Insights.PerformerDetection;

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
