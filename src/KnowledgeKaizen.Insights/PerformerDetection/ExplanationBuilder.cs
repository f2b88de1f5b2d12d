namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>Builds the rep-versus-peers explanation of a pair from its sums and its stage's sums.</summary>
internal static class ExplanationBuilder
{
    public static FindingExplanation Build(PairStatistics rep, PairStatistics stage, double rateLow, double rateHigh, double difficultyMargin)
    {
        var peerEntries = stage.Entries - rep.Entries;
        var repMeanP = rep.Expected / rep.Entries;
        var peersMeanP = peerEntries > 0 ? (stage.Expected - rep.Expected) / peerEntries : double.NaN;
        var difficulty = peerEntries == 0 || Math.Abs(repMeanP - peersMeanP) < difficultyMargin
            ? DealDifficulty.Similar
            : repMeanP < peersMeanP ? DealDifficulty.Harder : DealDifficulty.Easier;

        var shares = stage.Categories
            .Select(kv =>
            {
                var mine = rep.Categories.GetValueOrDefault(kv.Key);
                return new ShareComparison(
                    kv.Key.Dimension,
                    kv.Key.Category,
                    (double)mine / rep.Entries,
                    peerEntries > 0 ? (double)(kv.Value - mine) / peerEntries : double.NaN);
            })
            .OrderByDescending(s => Math.Abs(s.RepShare - s.PeersShare))
            .ThenBy(s => s.Dimension, StringComparer.Ordinal)
            .ThenBy(s => s.Category, StringComparer.Ordinal)
            .ToList();

        var behaviour = new List<MeasureComparison>();
        for (var i = 0; i < PairStatistics.BehaviourMeasures.Length; i++)
        {
            if (stage.Behaviour[i].Count > 0)
            {
                behaviour.Add(Compare(PairStatistics.BehaviourMeasures[i], rep.Behaviour[i], stage.Behaviour[i] - rep.Behaviour[i]));
            }
        }

        return new FindingExplanation(
            rep.Entries,
            rep.Advanced,
            rep.Expected,
            (double)rep.Advanced / rep.Entries,
            repMeanP,
            rateLow,
            rateHigh,
            new DealMixComparison(repMeanP, peersMeanP, difficulty, Compare("Amount", rep.Amount, stage.Amount - rep.Amount), shares),
            behaviour);
    }

    private static MeasureComparison Compare(string name, MeasureSums rep, MeasureSums peers) =>
        new(name, rep.Mean, peers.Mean, MeasureSums.EffectSize(rep, peers), rep.Count, peers.Count);
}
