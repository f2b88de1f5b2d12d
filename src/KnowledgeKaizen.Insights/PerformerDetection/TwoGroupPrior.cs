using KnowledgeKaizen.Insights.Improvement;

namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// Empirical-Bayes prior of a pair's shift θ on the log-odds scale: θ = β + ε, the rep effect β plus the error ε of the
/// expectation itself (ε ~ N(0, ω²), ω = <see cref="ExpectationError"/>). Group one, share <see cref="NullProportion"/>,
/// has no rep effect (β = 0); group two has a real effect drawn from a scale mixture of normals centred at zero,
/// N(0, σ_k²) with weights <see cref="EffectWeights"/> over <see cref="EffectScales"/> — unimodal at "no effect", free in
/// how heavy its tails are (adaptive shrinkage, Stephens 2017). Every component is centred at zero, so the posterior is
/// always pulled towards "no effect", never towards a fitted group mean, and its mean is a shrunk shift between 0 and
/// the observed one. Fitted per stage by maximum marginal likelihood over the pairs' exact likelihoods: EM for the weights
/// (a convex problem, so no bad local optimum) with a pseudo-count on the null group so π₀ is not underestimated; ω is
/// shared by the stages and chosen from a short list by the same criterion. Plain C#: ML.NET has no mixed models.
/// </summary>
/// <param name="NullProportion">π₀, share of reps with no effect at the stage.</param>
/// <param name="ExpectationError">ω, spread of the expectation's own error on the log-odds scale, fitted from the data. It
/// keeps the interval of a typical rep honest (never a single point) and keeps model error from being credited to reps.</param>
/// <param name="EffectScales">σ_k of the effect components.</param>
/// <param name="EffectWeights">Weight of each component within the real-effect group (sum 1).</param>
public sealed record TwoGroupPrior(double NullProportion, double ExpectationError, IReadOnlyList<double> EffectScales, IReadOnlyList<double> EffectWeights)
{
    /// <summary>Smallest ω tried: no expectation is known better than about a point of rate.</summary>
    public const double MinExpectationError = 0.05;

    /// <summary>ω tried, on the log-odds scale; capped so a wide "no effect" group cannot swallow real effects.</summary>
    private static readonly double[] ExpectationErrors = [MinExpectationError, 0.075, 0.1, 0.15, 0.2];

    /// <summary>
    /// σ_k of the effect components: from 0.25 (about six points of rate at 50 %) by factors of 1.5 to about 2.8. Smaller
    /// shifts are left to ω — a model's own error is of that size, and no manager should act on less.
    /// </summary>
    private static readonly double[] Scales = [.. Enumerable.Range(0, 7).Select(k => 0.25 * Math.Pow(1.5, k))];

    /// <summary>
    /// Fits one prior per stage. The expectation error ω is shared by all stages (it is the model's, and a hundred pairs
    /// of one stage cannot tell it from small rep effects) and chosen by the marginal likelihood of all pairs; the group
    /// weights are each stage's own, with π₀ at least <paramref name="minNullProportion"/>.
    /// </summary>
    /// <param name="stages">Likelihood grids of each stage's eligible pairs (see <see cref="PairLikelihood.Grid"/>).</param>
    /// <param name="minNullProportion">Floor of π₀.</param>
    /// <param name="nullPseudoCount">Extra pairs counted as null when the weights are fitted (a Dirichlet prior on π₀).</param>
    internal static IReadOnlyList<TwoGroupPrior> Fit(IReadOnlyList<IReadOnlyList<LikelihoodGrid>> stages, double minNullProportion, double nullPseudoCount)
    {
        IReadOnlyList<TwoGroupPrior>? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var omega in ExpectationErrors)
        {
            var normals = Variances(omega, Scales).Select(v => new Normal(v)).ToArray();
            double score = 0;
            var priors = new List<TwoGroupPrior>();
            foreach (var grids in stages)
            {
                var marginal = grids.Select(g => Marginals(g, normals)).ToArray();
                var (weights, stageScore) = FitWeights(marginal, minNullProportion, nullPseudoCount);
                score += stageScore;
                var effect = weights.Skip(1).ToArray();
                var total = effect.Sum();
                priors.Add(new TwoGroupPrior(weights[0], omega, Scales, [.. effect.Select(w => total > 0 ? w / total : 1.0 / effect.Length)]));
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = priors;
            }
        }

        return best!;
    }

    /// <summary>Posterior of a pair from its likelihood and grid; <paramref name="companyLogit"/> is the stage rate's log-odds.</summary>
    internal EffectPosterior Posterior(PairLikelihood pair, LikelihoodGrid grid, double companyLogit, double intervalZ)
    {
        var omega = ExpectationError;
        var variances = Variances(omega, EffectScales);
        var weights = new double[variances.Length];
        weights[0] = NullProportion;
        for (var k = 1; k < weights.Length; k++)
        {
            weights[k] = (1 - NullProportion) * EffectWeights[k - 1];
        }

        // Within an effect component, β | θ ~ N(θσ²/(σ²+ω²), σ²ω²/(σ²+ω²)), so P(β > 0 | θ) = Φ(θ·σ / (ω·√(σ²+ω²))).
        var signSlope = new double[variances.Length];
        var effectShare = new double[variances.Length];
        for (var k = 1; k < variances.Length; k++)
        {
            var sigma = EffectScales[k - 1];
            signSlope[k] = sigma / (omega * Math.Sqrt((sigma * sigma) + (omega * omega)));
            effectShare[k] = sigma * sigma / ((sigma * sigma) + (omega * omega));
        }

        var normals = variances.Select(v => new Normal(v)).ToArray();
        var n = grid.Theta.Length;
        var density = new double[n];
        double mass = 0, nullMass = 0, positive = 0, negative = 0, meanEffect = 0, rate = 0, companyRate = 0;
        for (var g = 0; g < n; g++)
        {
            var theta = grid.Theta[g];
            var w = grid.Weight(g) * grid.Likelihood[g];
            double d = 0;
            for (var k = 0; k < variances.Length; k++)
            {
                // Components the fit left empty cost nothing.
                if (weights[k] < 1e-12)
                {
                    continue;
                }

                var part = weights[k] * normals[k].Density(theta);
                d += part;
                if (k == 0)
                {
                    nullMass += w * part;
                    continue;
                }

                var up = ImpactStatistics.NormalUpperTail(-signSlope[k] * theta);
                positive += w * part * up;
                negative += w * part * (1 - up);
                meanEffect += w * part * theta * effectShare[k];
            }

            density[g] = grid.Likelihood[g] * d;
            mass += w * d;
            rate += w * d * grid.Rate[g];
            companyRate += w * d * PerformerAnalyzer.Logistic(companyLogit + theta);
        }

        var tail = ImpactStatistics.NormalUpperTail(intervalZ);
        var low = Quantile(grid, density, tail);
        var high = Quantile(grid, density, 1 - tail);
        return new EffectPosterior(
            1 - (nullMass / mass),
            positive / mass,
            negative / mass,
            meanEffect / mass,
            rate / mass,
            pair.RateAt(low),
            pair.RateAt(high),
            companyRate / mass);
    }

    /// <summary>
    /// No prior (too few pairs at the stage): the estimate stays at the expected rate — nothing is claimed — and the
    /// interval is the likelihood's own (flat prior), widened to include the expected rate.
    /// </summary>
    internal static EffectPosterior WithoutPrior(PairLikelihood pair, LikelihoodGrid grid, double companyLogit, double intervalZ)
    {
        var tail = ImpactStatistics.NormalUpperTail(intervalZ);
        var expected = pair.RateAt(0);
        var low = Math.Min(expected, pair.RateAt(Quantile(grid, grid.Likelihood, tail)));
        var high = Math.Max(expected, pair.RateAt(Quantile(grid, grid.Likelihood, 1 - tail)));
        return new EffectPosterior(0, 0, 0, 0, expected, low, high, PerformerAnalyzer.Logistic(companyLogit));
    }

    /// <summary>Prior variances of θ: ω² for the null group, σ_k² + ω² for each effect component.</summary>
    private static double[] Variances(double omega, IReadOnlyList<double> scales) =>
        [omega * omega, .. scales.Select(s => (s * s) + (omega * omega))];

    /// <summary>∫ L(θ)/L(θ̂) N(θ; 0, v) dθ for each component variance v, by the trapezoid rule on the grid.</summary>
    private static double[] Marginals(LikelihoodGrid grid, Normal[] normals)
    {
        var result = new double[normals.Length];
        for (var g = 0; g < grid.Theta.Length; g++)
        {
            var w = grid.Weight(g) * grid.Likelihood[g];
            if (w < 1e-300)
            {
                continue;
            }

            for (var k = 0; k < normals.Length; k++)
            {
                result[k] += w * normals[k].Density(grid.Theta[g]);
            }
        }

        return result;
    }

    /// <summary>EM for the mixture weights given each pair's component marginals; returns the weights and the penalised log-likelihood.</summary>
    private static (double[] Weights, double Score) FitWeights(double[][] marginal, double minNullProportion, double nullPseudoCount)
    {
        var k = marginal[0].Length;
        var weights = new double[k];
        weights[0] = 0.9;
        for (var c = 1; c < k; c++)
        {
            weights[c] = 0.1 / (k - 1);
        }

        var responsibility = new double[k];
        var score = double.NegativeInfinity;
        for (var iteration = 0; iteration < 500; iteration++)
        {
            Array.Clear(responsibility);
            double logLikelihood = 0;
            foreach (var m in marginal)
            {
                double total = 0;
                for (var c = 0; c < k; c++)
                {
                    total += weights[c] * m[c];
                }

                if (total <= 0)
                {
                    continue;
                }

                logLikelihood += Math.Log(total);
                for (var c = 0; c < k; c++)
                {
                    responsibility[c] += weights[c] * m[c] / total;
                }
            }

            // Candidates for ω are compared on this score, where tenths matter: a millionth is converged.
            var next = logLikelihood + (nullPseudoCount * Math.Log(weights[0]));
            var converged = Math.Abs(next - score) < 1e-6;
            score = next;
            if (converged)
            {
                break;
            }

            responsibility[0] += nullPseudoCount;
            var sum = responsibility.Sum();
            for (var c = 0; c < k; c++)
            {
                weights[c] = responsibility[c] / sum;
            }

            if (weights[0] < minNullProportion)
            {
                var rest = 1 - weights[0];
                for (var c = 1; c < k; c++)
                {
                    weights[c] = rest > 0 ? weights[c] * (1 - minNullProportion) / rest : (1 - minNullProportion) / (k - 1);
                }

                weights[0] = minNullProportion;
            }
        }

        return (weights, score);
    }

    /// <summary>The θ below which a share <paramref name="p"/> of the density on the grid lies (trapezoid, linear within a cell).</summary>
    private static double Quantile(LikelihoodGrid grid, double[] density, double p)
    {
        var n = grid.Theta.Length;
        var cells = new double[n - 1];
        double total = 0;
        for (var g = 0; g < n - 1; g++)
        {
            cells[g] = (density[g] + density[g + 1]) * grid.Step / 2;
            total += cells[g];
        }

        var target = p * total;
        double run = 0;
        for (var g = 0; g < n - 1; g++)
        {
            if (run + cells[g] >= target && cells[g] > 0)
            {
                return grid.Theta[g] + (grid.Step * (target - run) / cells[g]);
            }

            run += cells[g];
        }

        return grid.Theta[^1];
    }

    /// <summary>The density of N(0, v), with its constants computed once.</summary>
    private readonly struct Normal(double variance)
    {
        private readonly double _scale = 1 / Math.Sqrt(2 * Math.PI * variance);
        private readonly double _exponent = -1 / (2 * variance);

        public double Density(double x) => _scale * Math.Exp(x * x * _exponent);
    }
}
