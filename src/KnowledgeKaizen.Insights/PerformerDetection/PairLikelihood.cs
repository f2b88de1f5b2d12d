namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// The exact Bernoulli likelihood of one (rep, stage) pair as a function of a shift θ added to every entry's expected
/// log-odds: ℓ(θ) = O·θ − Σ log(1 + e^(η_i + θ)). No normal approximation: at stages where deals nearly always (or
/// nearly never) advance the count is skewed, and a z-score would see laggards (or standouts) in ordinary luck.
/// Entries are grouped by expected log-odds in steps of 1/16 (the calibrated model gives few distinct values anyway):
/// within a group the log-odds differ by at most 1/32, which moves the likelihood's peak by well under 0.001 and makes
/// its cost independent of the number of entries.
/// </summary>
internal sealed class PairLikelihood
{
    /// <summary>Largest shift considered, in log-odds: the rate barely moves beyond it.</summary>
    public const double MaxShift = 8;

    /// <summary>Log-likelihood drop that bounds the grid: beyond it the likelihood is below e^-16 of its peak.</summary>
    private const double Drop = 16;

    /// <summary>Upper bound on grid intervals, so a pair costs at most this many likelihood evaluations.</summary>
    private const int MaxIntervals = 1024;

    private readonly double[] _eta;
    private readonly double[] _count;

    public PairLikelihood(IEnumerable<(double Eta, int Count)> groups, int entries, int advanced)
    {
        var bins = groups.Where(g => g.Count > 0).ToArray();
        _eta = bins.Select(g => g.Eta).ToArray();
        _count = bins.Select(g => (double)g.Count).ToArray();
        Entries = entries;
        Advanced = advanced;
    }

    public int Entries { get; }

    public int Advanced { get; }

    /// <summary>Expected advances at shift <paramref name="theta"/>: n times the rate the rep would have on these deals.</summary>
    public double ExpectedAt(double theta)
    {
        double sum = 0;
        for (var j = 0; j < _eta.Length; j++)
        {
            sum += _count[j] * PerformerAnalyzer.Logistic(_eta[j] + theta);
        }

        return sum;
    }

    /// <summary>The rep's rate on these deals with the shift: mean over entries of logistic(η_i + θ).</summary>
    public double RateAt(double theta) => ExpectedAt(theta) / Entries;

    public double LogLikelihood(double theta) => Evaluate(theta).LogLikelihood;

    /// <summary>Log-likelihood and expected advances at the shift, from one exponential per group.</summary>
    private (double LogLikelihood, double Expected) Evaluate(double theta)
    {
        double log = Advanced * theta, expected = 0;
        for (var j = 0; j < _eta.Length; j++)
        {
            var x = _eta[j] + theta;
            if (x > 30)
            {
                log -= _count[j] * x;
                expected += _count[j];
                continue;
            }

            var e = Math.Exp(x);
            log -= _count[j] * Math.Log(1 + e);
            expected += _count[j] * e / (1 + e);
        }

        return (log, expected);
    }

    /// <summary>
    /// The likelihood on an even grid covering where it is within e^-16 of its peak (inside ±<see cref="MaxShift"/>),
    /// fine enough to resolve both the likelihood and the narrowest prior component (standard deviation <paramref name="narrowestScale"/>).
    /// </summary>
    public LikelihoodGrid Grid(double narrowestScale)
    {
        var peak = PeakShift();
        var top = LogLikelihood(peak);
        var curvature = Information(peak);
        var spread = curvature > 0 ? 1 / Math.Sqrt(curvature) : MaxShift;
        var low = Boundary(peak, -1, spread, top - Drop);
        var high = Boundary(peak, 1, spread, top - Drop);
        // The trapezoid rule is exact to ~e^-30 on a normal sampled every 0.8 standard deviations.
        var step = Math.Min(spread / 2.5, narrowestScale / 1.25);

        var width = Math.Max(high - low, 1e-9);
        var intervals = Math.Clamp((int)Math.Ceiling(width / step), 16, MaxIntervals);
        var theta = new double[intervals + 1];
        var relative = new double[intervals + 1];
        var rate = new double[intervals + 1];
        for (var g = 0; g <= intervals; g++)
        {
            var t = low + (width * g / intervals);
            var (log, expected) = Evaluate(t);
            theta[g] = t;
            relative[g] = Math.Exp(log - top);
            rate[g] = expected / Entries;
        }

        return new LikelihoodGrid(theta, width / intervals, relative, rate);
    }

    /// <summary>Fisher information Σ p(1−p) at the shift.</summary>
    private double Information(double theta)
    {
        double sum = 0;
        for (var j = 0; j < _eta.Length; j++)
        {
            var p = PerformerAnalyzer.Logistic(_eta[j] + theta);
            sum += _count[j] * p * (1 - p);
        }

        return sum;
    }

    /// <summary>The maximum-likelihood shift within ±<see cref="MaxShift"/> (the bound when all or none advanced).</summary>
    private double PeakShift()
    {
        if (Advanced == 0)
        {
            return -MaxShift;
        }

        if (Advanced == Entries)
        {
            return MaxShift;
        }

        // ExpectedAt is increasing in θ; bisection on the score O − ExpectedAt(θ) with Newton steps where they stay inside.
        double low = -MaxShift, high = MaxShift, theta = 0;
        for (var i = 0; i < 200 && high - low > 1e-10; i++)
        {
            var score = Advanced - ExpectedAt(theta);
            if (score > 0)
            {
                low = theta;
            }
            else
            {
                high = theta;
            }

            var information = Information(theta);
            var next = information > 0 ? theta + (score / information) : double.NaN;
            theta = next > low && next < high ? next : (low + high) / 2;
        }

        return theta;
    }

    /// <summary>
    /// A shift on the <paramref name="direction"/> side of the peak where the log-likelihood is below <paramref name="level"/>
    /// (or ±<see cref="MaxShift"/>): steps out from the quadratic guess by half again each time, so the grid may reach a
    /// little further than needed but never falls short.
    /// </summary>
    private double Boundary(double peak, int direction, double spread, double level)
    {
        var distance = Math.Sqrt(2 * Drop) * spread;
        while (true)
        {
            var theta = Math.Clamp(peak + (direction * distance), -MaxShift, MaxShift);
            if (Math.Abs(theta) >= MaxShift || LogLikelihood(theta) < level)
            {
                return theta;
            }

            distance *= 1.5;
        }
    }
}
