using KnowledgeKaizen.Insights.PerformerDetection;

namespace KnowledgeKaizen.Testing.Simulation;

/// <summary>A simulated history and the effects planted in it.</summary>
/// <param name="Rows">The observations.</param>
/// <param name="TrueEffects">True log-odds effect on the outcomes of every (rep, stage) pair (0 for most; all 0 when effects are not applied).</param>
/// <param name="DealProbabilities">True P(advance) of each row from its deal alone, without the rep's effect: the perfect expectation.</param>
public sealed record SimulatedHistory(
    IReadOnlyList<StageOutcomeObservation> Rows,
    IReadOnlyDictionary<(long Rep, string Stage), double> TrueEffects,
    IReadOnlyList<double> DealProbabilities)
{
    /// <summary>The true rate of a pair on its own deals: mean of logistic(deal log-odds + effect) over its rows.</summary>
    public IReadOnlyDictionary<(long Rep, string Stage), double> TrueRates()
    {
        var sums = new Dictionary<(long Rep, string Stage), (double Sum, int Count)>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var key = (Rows[i].RepId, Rows[i].Stage);
            var p = DealProbabilities[i];
            var shifted = 1 / (1 + Math.Exp(-(Math.Log(p / (1 - p)) + TrueEffects[key])));
            var (sum, count) = sums.GetValueOrDefault(key);
            sums[key] = (sum + shifted, count + 1);
        }

        return sums.ToDictionary(kv => kv.Key, kv => kv.Value.Sum / kv.Value.Count);
    }
}
