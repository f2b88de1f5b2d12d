namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// Two-group empirical-Bayes prior for rep effects on the log-odds scale. Group one, share
/// <see cref="NullProportion"/>: no effect (β = 0). Group two: a real effect, itself drawn from N(<see cref="PositiveMean"/>, τ²)
/// with share <see cref="PositiveShare"/> of the non-null group and N(<see cref="NegativeMean"/>, τ²) otherwise — standouts and
/// reps who need coaching are different populations, and one Gaussian centred near zero would blur them into
/// "small effects everywhere". Each pair has β̂ | β ~ N(β, s²). Fitted by EM over a stage's pairs; the posterior is
/// closed-form. Plain C#: ML.NET has no mixed models.
/// </summary>
/// <param name="NullProportion">π₀, share of reps with no effect.</param>
/// <param name="PositiveShare">Share of positive effects within the non-null group.</param>
/// <param name="PositiveMean">Mean of the positive effects (≥ 0).</param>
/// <param name="NegativeMean">Mean of the negative effects (≤ 0).</param>
/// <param name="EffectVariance">τ², spread of effects around their group mean.</param>
public sealed record TwoGroupPrior(double NullProportion, double PositiveShare, double PositiveMean, double NegativeMean, double EffectVariance)
{
    private const double MinEffectVariance = 1e-4;

    /// <summary>Fits the prior by EM, π₀ kept in [<paramref name="minNullProportion"/>, 0.999].</summary>
    public static TwoGroupPrior Fit(IReadOnlyList<double> estimates, IReadOnlyList<double> standardErrors, double minNullProportion, int maxIterations = 500)
    {
        var n = estimates.Count;
        var spread = Math.Sqrt(Math.Max(estimates.Average(b => b * b) - standardErrors.Average(s => s * s), 0.04));
        var prior = new TwoGroupPrior(Math.Max(minNullProportion, 0.8), 0.5, 1.5 * spread, -1.5 * spread, 0.05);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            double wPos = 0, wNeg = 0, sumPos = 0, sumNeg = 0;
            var parts = new (double Pos, double Neg, double MPos, double MNeg, double V)[n];
            for (var j = 0; j < n; j++)
            {
                var c = prior.Components(estimates[j], standardErrors[j]);
                parts[j] = (c.Positive, c.Negative, c.PositiveMean, c.NegativeMean, c.Variance);
                wPos += c.Positive;
                wNeg += c.Negative;
                sumPos += c.Positive * c.PositiveMean;
                sumNeg += c.Negative * c.NegativeMean;
            }

            var muPos = wPos > 1e-9 ? Math.Max(0, sumPos / wPos) : prior.PositiveMean;
            var muNeg = wNeg > 1e-9 ? Math.Min(0, sumNeg / wNeg) : prior.NegativeMean;
            double dev = 0;
            foreach (var p in parts)
            {
                dev += (p.Pos * (((p.MPos - muPos) * (p.MPos - muPos)) + p.V)) + (p.Neg * (((p.MNeg - muNeg) * (p.MNeg - muNeg)) + p.V));
            }

            var nonNull = wPos + wNeg;
            var next = new TwoGroupPrior(
                Math.Clamp(1 - (nonNull / n), minNullProportion, 0.999),
                nonNull > 1e-9 ? wPos / nonNull : 0.5,
                muPos,
                muNeg,
                Math.Max(nonNull > 1e-9 ? dev / nonNull : prior.EffectVariance, MinEffectVariance));
            var change = Math.Abs(next.NullProportion - prior.NullProportion) + Math.Abs(next.PositiveShare - prior.PositiveShare)
                + Math.Abs(next.PositiveMean - prior.PositiveMean) + Math.Abs(next.NegativeMean - prior.NegativeMean)
                + Math.Abs(next.EffectVariance - prior.EffectVariance);
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
        var c = Components(estimate, standardError);
        var sd = Math.Sqrt(c.Variance);
        var pPosFromPos = NormalCdf(c.PositiveMean / sd);
        var pPosFromNeg = NormalCdf(c.NegativeMean / sd);
        var positive = (c.Positive * pPosFromPos) + (c.Negative * pPosFromNeg);
        var effect = c.Positive + c.Negative;
        return new EffectPosterior(effect, positive, effect - positive, (c.Positive * c.PositiveMean) + (c.Negative * c.NegativeMean));
    }

    /// <summary>Posterior weights of the positive and negative groups and the normal posterior of β within each.</summary>
    private (double Positive, double Negative, double PositiveMean, double NegativeMean, double Variance) Components(double estimate, double se)
    {
        var s2 = se * se;
        var total = s2 + EffectVariance;
        // Log densities avoid underflow for precise estimates far from zero.
        var logNull = Math.Log(NullProportion) - (0.5 * Math.Log(s2)) - (estimate * estimate / (2 * s2));
        var logPos = Math.Log((1 - NullProportion) * Math.Max(PositiveShare, 1e-12)) - (0.5 * Math.Log(total)) - ((estimate - PositiveMean) * (estimate - PositiveMean) / (2 * total));
        var logNeg = Math.Log((1 - NullProportion) * Math.Max(1 - PositiveShare, 1e-12)) - (0.5 * Math.Log(total)) - ((estimate - NegativeMean) * (estimate - NegativeMean) / (2 * total));
        var max = Math.Max(logNull, Math.Max(logPos, logNeg));
        var (eNull, ePos, eNeg) = (Math.Exp(logNull - max), Math.Exp(logPos - max), Math.Exp(logNeg - max));
        var sum = eNull + ePos + eNeg;
        var shrink = EffectVariance / total;
        return (ePos / sum, eNeg / sum, PositiveMean + (shrink * (estimate - PositiveMean)), NegativeMean + (shrink * (estimate - NegativeMean)), EffectVariance * s2 / total);
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
