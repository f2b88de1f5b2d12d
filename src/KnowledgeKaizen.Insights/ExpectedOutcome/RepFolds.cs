namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>Cross-validation folds grouped by rep: every row of a rep lands in the same fold.</summary>
public static class RepFolds
{
    /// <summary>
    /// Assigns each rep to one of <paramref name="foldCount"/> folds, balancing row counts: reps are taken
    /// largest first (ties in a seeded shuffled order) and each goes to the fold with the fewest rows so far.
    /// </summary>
    /// <param name="rowsPerRep">Row count per rep.</param>
    /// <param name="foldCount">Number of folds (at least 2, at most the number of reps).</param>
    /// <param name="seed">Seed for the tie-break order.</param>
    public static IReadOnlyDictionary<long, int> Assign(IReadOnlyDictionary<long, int> rowsPerRep, int foldCount, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(foldCount, 2);
        var reps = rowsPerRep.Keys.Order().ToArray();
        new Random(seed).Shuffle(reps);
        var order = reps.Select((rep, i) => (rep, i)).OrderByDescending(x => rowsPerRep[x.rep]).ThenBy(x => x.i);
        var load = new long[foldCount];
        var result = new Dictionary<long, int>();
        foreach (var (rep, _) in order)
        {
            var fold = Array.IndexOf(load, load.Min());
            result[rep] = fold;
            load[fold] += rowsPerRep[rep];
        }

        return result;
    }
}
