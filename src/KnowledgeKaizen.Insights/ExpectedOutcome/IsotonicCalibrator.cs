namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>
/// Monotone step map from a raw score to a probability, fitted by pool-adjacent-violators on out-of-fold
/// scores of one stage. Non-parametric, so a stage whose scores are well ranked but badly scaled is fixed.
/// </summary>
public sealed class IsotonicCalibrator
{
    /// <summary>Lowest raw score of each step, ascending.</summary>
    public double[] Thresholds { get; init; } = [];

    /// <summary>Calibrated probability of each step, non-decreasing.</summary>
    public double[] Values { get; init; } = [];

    /// <summary>Fits the calibrator; probabilities are kept inside [0.5/n, 1 − 0.5/n] so log-odds stay finite.</summary>
    public static IsotonicCalibrator Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        Fit(scores, labels.Select(l => l ? 1.0 : 0.0).ToArray());

    /// <summary>Fits the calibrator to probability targets in [0, 1] (an outcome is the target 0 or 1).</summary>
    public static IsotonicCalibrator Fit(IReadOnlyList<double> scores, IReadOnlyList<double> targets)
    {
        var n = scores.Count;
        var order = ClassificationMetrics.SortedOrder(scores);
        var lower = new List<double>();
        var sum = new List<double>();
        var weight = new List<double>();
        var i = 0;
        while (i < n)
        {
            // Equal scores must share one value, so ties start as one block.
            var s = scores[order[i]];
            double y = 0, w = 0;
            while (i < n && scores[order[i]] == s)
            {
                y += targets[order[i]];
                w++;
                i++;
            }

            lower.Add(s);
            sum.Add(y);
            weight.Add(w);
            while (sum.Count > 1 && sum[^2] / weight[^2] >= sum[^1] / weight[^1])
            {
                sum[^2] += sum[^1];
                weight[^2] += weight[^1];
                sum.RemoveAt(sum.Count - 1);
                weight.RemoveAt(weight.Count - 1);
                lower.RemoveAt(lower.Count - 1);
            }
        }

        var floor = 0.5 / Math.Max(1, n);
        return new IsotonicCalibrator
        {
            Thresholds = [.. lower],
            Values = sum.Select((y, k) => Math.Clamp(y / weight[k], floor, 1 - floor)).ToArray(),
        };
    }

    /// <summary>Calibrated probability for a raw score (the step whose lower bound is the largest not above it).</summary>
    public double Apply(double score)
    {
        if (Values.Length == 0)
        {
            return double.NaN;
        }

        var k = Array.BinarySearch(Thresholds, score);
        k = k >= 0 ? k : Math.Max(0, ~k - 1);
        return Values[k];
    }
}
