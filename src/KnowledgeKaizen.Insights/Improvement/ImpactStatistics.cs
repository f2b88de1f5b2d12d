namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>
/// The Check statistics. Proportions: two-proportion z-test with a 95 % Newcombe (hybrid Wilson score)
/// interval for the difference. Durations: Mann–Whitney U (normal approximation with tie correction) and a
/// seeded bootstrap interval of the difference in medians. A claim needs both the test (p &lt; 0.05) and the
/// interval excluding zero; too small a sample gives "not enough data" rather than a guess.
/// </summary>
public static class ImpactStatistics
{
    public const double Alpha = 0.05;
    public const double Z95 = 1.959963984540054;

    /// <summary>Each group needs this many observations for a proportion…</summary>
    public const int MinProportionSample = 30;

    /// <summary>…and at least this many successes and failures (the normal approximation's usual rule).</summary>
    public const int MinOutcomes = 5;

    public const int MinDurationSample = 20;

    public const int BootstrapResamples = 1000;

    /// <summary>Compares s1/n1 with s2/n2. Values are shares (0–1).</summary>
    public static ImpactEstimate CompareProportions(long s1, long n1, long s2, long n2, bool higherIsBetter)
    {
        double? p1 = n1 == 0 ? null : (double)s1 / n1;
        double? p2 = n2 == 0 ? null : (double)s2 / n2;
        if (n1 < MinProportionSample || n2 < MinProportionSample
            || Math.Min(s1, n1 - s1) < MinOutcomes || Math.Min(s2, n2 - s2) < MinOutcomes)
        {
            return ImpactEstimate.NotEnough(p1, p2, n1, n2);
        }

        var difference = p2!.Value - p1!.Value;
        var pooled = (double)(s1 + s2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        var pValue = se == 0 ? 1 : 2 * NormalUpperTail(Math.Abs(difference) / se);
        var (l1, u1) = Wilson(s1, n1);
        var (l2, u2) = Wilson(s2, n2);
        var low = difference - Math.Sqrt(Square(p2.Value - l2) + Square(u1 - p1.Value));
        var high = difference + Math.Sqrt(Square(u2 - p2.Value) + Square(p1.Value - l1));
        return new ImpactEstimate(Verdict(difference, low, high, pValue, higherIsBetter), p1, p2, n1, n2, difference, low, high, pValue);
    }

    /// <summary>Compares the medians of two samples of durations; the bootstrap is seeded, so results repeat.</summary>
    public static ImpactEstimate CompareDurations(IReadOnlyList<double> first, IReadOnlyList<double> second, bool higherIsBetter, int seed = 20261127)
    {
        double? m1 = first.Count == 0 ? null : Median(first);
        double? m2 = second.Count == 0 ? null : Median(second);
        if (first.Count < MinDurationSample || second.Count < MinDurationSample)
        {
            return ImpactEstimate.NotEnough(m1, m2, first.Count, second.Count);
        }

        var pValue = MannWhitneyPValue(first, second);
        var random = new Random(seed);
        var a = first.ToArray();
        var b = second.ToArray();
        var bufferA = new double[a.Length];
        var bufferB = new double[b.Length];
        var differences = new double[BootstrapResamples];
        for (var i = 0; i < BootstrapResamples; i++)
        {
            differences[i] = ResampledMedian(b, bufferB, random) - ResampledMedian(a, bufferA, random);
        }

        Array.Sort(differences);
        var low = differences[(int)Math.Floor(BootstrapResamples * Alpha / 2)];
        var high = differences[(int)Math.Ceiling(BootstrapResamples * (1 - (Alpha / 2))) - 1];
        var difference = m2!.Value - m1!.Value;
        return new ImpactEstimate(Verdict(difference, low, high, pValue, higherIsBetter), m1, m2, first.Count, second.Count, difference, low, high, pValue);
    }

    /// <summary>Two-sided p-value of the Mann–Whitney U test, normal approximation with tie and continuity corrections.</summary>
    public static double MannWhitneyPValue(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var all = first.Select(v => (Value: v, Group: 0)).Concat(second.Select(v => (Value: v, Group: 1))).OrderBy(x => x.Value).ToList();
        double n1 = first.Count, n2 = second.Count, n = all.Count;
        double rankSum = 0, ties = 0;
        for (var i = 0; i < all.Count;)
        {
            var j = i;
            while (j + 1 < all.Count && all[j + 1].Value == all[i].Value)
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            var t = j - i + 1;
            ties += ((double)t * t * t) - t;
            for (var k = i; k <= j; k++)
            {
                rankSum += all[k].Group == 0 ? rank : 0;
            }

            i = j + 1;
        }

        var u = rankSum - (n1 * (n1 + 1) / 2);
        var mean = n1 * n2 / 2;
        var variance = n1 * n2 / 12 * (n + 1 - (ties / (n * (n - 1))));
        if (variance <= 0)
        {
            return 1;
        }

        var z = Math.Max(0, Math.Abs(u - mean) - 0.5) / Math.Sqrt(variance);
        return Math.Min(1, 2 * NormalUpperTail(z));
    }

    /// <summary>Wilson score interval (95 %) for s/n.</summary>
    public static (double Low, double High) Wilson(long s, long n)
    {
        if (n == 0)
        {
            return (0, 1);
        }

        var p = (double)s / n;
        var z2 = Z95 * Z95;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = Z95 / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static readonly double[] ErfcCoefficients =
        [0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223];

    /// <summary>P(Z &gt; z) for a standard normal Z (complementary error function, Numerical Recipes, error &lt; 1.2e-7).</summary>
    public static double NormalUpperTail(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.5 * x));
        double poly = 0;
        foreach (var k in ErfcCoefficients)
        {
            poly = (poly * t) + k;
        }

        var erfc = t * Math.Exp((-x * x) + poly);
        var upper = erfc / 2;
        return z >= 0 ? upper : 1 - upper;
    }

    private static CheckVerdict Verdict(double difference, double low, double high, double pValue, bool higherIsBetter)
    {
        if (pValue >= Alpha || (low <= 0 && high >= 0))
        {
            return CheckVerdict.NoEvidence;
        }

        return (difference > 0) == higherIsBetter ? CheckVerdict.Improved : CheckVerdict.Worse;
    }

    private static double ResampledMedian(double[] source, double[] buffer, Random random)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = source[random.Next(source.Length)];
        }

        Array.Sort(buffer);
        var mid = buffer.Length / 2;
        return buffer.Length % 2 == 1 ? buffer[mid] : (buffer[mid - 1] + buffer[mid]) / 2;
    }

    private static double Square(double x) => x * x;
}
