namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>A per-entry measure of the rep against peers (all other reps at the same stage).</summary>
/// <param name="Measure">e.g. "Amount", "Visits", "HoursToFirstActivity".</param>
/// <param name="RepMean">Rep's mean per entry.</param>
/// <param name="PeersMean">Peers' mean per entry.</param>
/// <param name="EffectSize">Cohen's d: difference of means over the pooled standard deviation (0 when that is 0).</param>
/// <param name="RepCount">Rep entries where the measure was recorded.</param>
/// <param name="PeersCount">Peer entries where it was recorded.</param>
public sealed record MeasureComparison(string Measure, double RepMean, double PeersMean, double EffectSize, int RepCount, int PeersCount);
