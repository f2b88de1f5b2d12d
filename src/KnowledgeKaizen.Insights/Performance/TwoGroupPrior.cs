namespace KnowledgeKaizen.Insights.Performance;

/// <summary>Posterior of one rep's effect under a fitted <see cref="TwoGroupPrior"/>.</summary>
/// <param name="ProbabilityEffect">P(the rep has a real effect) = 1 − local FDR.</param>
/// <param name="ProbabilityPositive">P(real effect and it is positive): the standout probability.</param>
/// <param name="ProbabilityNegative">P(real effect and it is negative): the needs-coaching probability.</param>
/// <param name="MeanEffect">Posterior mean effect on the log-odds scale (0 for the null part).</param>
public sealed record EffectPosterior(double ProbabilityEffect, double ProbabilityPositive, double ProbabilityNegative, double MeanEffect)
{
    /// <summary>Local false-discovery rate: P(no effect | data).</summary>
    public double LocalFdr => 1 - ProbabilityEffect;
}

/// <summary>
/// Two-group empirical-Bayes prior for rep effects on the log-odds scale: with probability <see cref="NullProportion"/>
/// a rep has no effect (β = 0), otherwise β ~ N(<see cref="SlabMean"/>, <see cref="SlabVariance"/>). Each pair contributes
/// an estimate β̂ with standard error s, β̂ | β ~ N(β, s²). Fitted by EM over all pairs of one stage; the posterior is
/// closed-form. Plain C#: ML.NET has no mixed models.
/// </summary>
/// <param name="NullProportion">π₀, share of reps with no effect.</param>
/// <param name="SlabMean">Mean of the non-null effects.</param>
/// <param name="SlabVariance">Variance τ² of the non-null effects.</param>
public sealed record TwoGroupPrior(double NullProportion, double SlabMean, double SlabVariance)
{
    private const double MinSlabVariance = 1e-4;

    /// <summary>Fits π₀, μ and τ² by EM, π₀ kept in [<paramref name="minNullProportion"/>, 0.999].</summary>
    public static TwoGroupPrior Fit(IReadOnlyList<double> estimates, IReadOnlyList<double> standardErrors, double minNullProportion, int maxIterations = 500)
    {
        var n = estimates.Count;
        var meanSquare = estimates.Average(b => b * b);
        var meanNoise = standardErrors.Average(s => s * s);
        var pi0 = Math.Max(minNullProportion, 0.8);
        var prior = new TwoGroupPrior(pi0, 0, Math.Max((meanSquare - meanNoise) / (1 - pi0), 0.05));
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            double sumW = 0, sumWm = 0;
            var w = new double[n];
            var m = new double[n];
            var v = new double[n];
            for (var j = 0; j < n; j++)
            {
                (w[j], m[j], v[j]) = prior.Slab(estimates[j], standardErrors[j]);
                sumW += w[j];
                sumWm += w[j] * m[j];
            }

            var mu = sumW > 1e-9 ? sumWm / sumW : 0;
            double sumWdev = 0;
            for (var j = 0; j < n; j++)
            {
                sumWdev += w[j] * (((m[j] - mu) * (m[j] - mu)) + v[j]);
            }

            var next = new TwoGroupPrior(
                Math.Clamp(1 - (sumW / n), minNullProportion, 0.999),
                mu,
                Math.Max(sumW > 1e-9 ? sumWdev / sumW : prior.SlabVariance, MinSlabVariance));
            var change = Math.Abs(next.NullProportion - prior.NullProportion) + Math.Abs(next.SlabMean - prior.SlabMean) + Math.Abs(next.SlabVariance - prior.SlabVariance);
            prior = next;
            if (change < 1e-7)
            {
                break;
            }
        }

        return prior;
    }

    /// <summary>Posterior of the effect of a pair with estimate <paramref name="estimate"/> and standard error <paramref name="standardError"/>.</summary>
    public EffectPosterior Posterior(double estimate, double standardError)
    {
        var (w, m, v) = Slab(estimate, standardError);
        var positive = NormalCdf(m / Math.Sqrt(v));
        return new EffectPosterior(w, w * positive, w * (1 - positive), w * m);
    }

    /// <summary>P(non-null | β̂) and the normal posterior (mean, variance) of β given non-null.</summary>
    private (double W, double Mean, double Variance) Slab(double estimate, double se)
    {
        var s2 = se * se;
        var total = s2 + SlabVariance;
        // Log densities avoid underflow for very precise estimates far from zero.
        var logNull = Math.Log(NullProportion) - (0.5 * Math.Log(s2)) - (estimate * estimate / (2 * s2));
        var logSlab = Math.Log(1 - NullProportion) - (0.5 * Math.Log(total)) - ((estimate - SlabMean) * (estimate - SlabMean) / (2 * total));
        var w = 1 / (1 + Math.Exp(logNull - logSlab));
        var shrink = SlabVariance / total;
        return (w, SlabMean + (shrink * (estimate - SlabMean)), SlabVariance * s2 / total);
    }

    /// <summary>Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, error below 1.5e-7).</summary>
    public static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var poly = ((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t;
        var erf = 1 - (poly * Math.Exp(-x * x));
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
