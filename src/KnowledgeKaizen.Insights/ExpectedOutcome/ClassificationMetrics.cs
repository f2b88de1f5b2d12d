namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>AUC, log loss and calibration deciles computed directly (no ML.NET pipeline needed for scored arrays).</summary>
public static class ClassificationMetrics
{
    /// <summary>Area under the ROC curve by the rank-sum formula, ties counted half. NaN with one class only.</summary>
    public static double Auc(IReadOnlyList<double> predicted, IReadOnlyList<bool> labels)
    {
        var n = predicted.Count;
        var order = ClassificationMetrics.SortedOrder(predicted);
        double positives = 0, rankSum = 0;
        var i = 0;
        while (i < n)
        {
            var j = i;
            while (j + 1 < n && predicted[order[j + 1]] == predicted[order[i]])
            {
                j++;
            }

            var midRank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]])
                {
                    positives++;
                    rankSum += midRank;
                }
            }

            i = j + 1;
        }

        var negatives = n - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>Mean negative log-likelihood in nats, probabilities clipped to [1e-6, 1 − 1e-6].</summary>
    public static double LogLoss(IReadOnlyList<double> predicted, IReadOnlyList<bool> labels)
    {
        double total = 0;
        for (var i = 0; i < predicted.Count; i++)
        {
            var p = Math.Clamp(predicted[i], 1e-6, 1 - 1e-6);
            total -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return predicted.Count == 0 ? double.NaN : total / predicted.Count;
    }

    /// <summary>
    /// Up to ten bins of about equal count by predicted probability. Rows with the same prediction always share a bin:
    /// splitting a tie would show the luck of arbitrary halves as miscalibration (a constant prediction is one bin; a
    /// stage base rate gives one bin per stage).
    /// </summary>
    public static IReadOnlyList<CalibrationBin> Deciles(IReadOnlyList<double> predicted, IReadOnlyList<bool> labels)
    {
        var n = predicted.Count;
        var order = ClassificationMetrics.SortedOrder(predicted);
        var bins = new List<CalibrationBin>(10);
        var from = 0;
        for (var d = 0; d < 10 && from < n; d++)
        {
            var to = Math.Max(from + 1, (int)((long)n * (d + 1) / 10));
            while (to < n && predicted[order[to]] == predicted[order[to - 1]])
            {
                to++;
            }

            double p = 0, y = 0;
            for (var k = from; k < to; k++)
            {
                p += predicted[order[k]];
                y += labels[order[k]] ? 1 : 0;
            }

            bins.Add(new CalibrationBin(bins.Count + 1, to - from, p / (to - from), y / (to - from)));
            from = to;
        }

        return bins;
    }

    /// <summary>Indices of <paramref name="values"/> in ascending order of value (equal values in no particular order).</summary>
    internal static int[] SortedOrder(IReadOnlyList<double> values)
    {
        var keys = values.ToArray();
        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(keys, order);
        return order;
    }
}
