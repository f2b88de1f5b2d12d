namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>A pair's likelihood on an even grid of shifts, relative to its peak, with the rate at each shift.</summary>
/// <param name="Theta">Shifts, ascending, evenly spaced by <paramref name="Step"/>.</param>
/// <param name="Step">Grid spacing.</param>
/// <param name="Likelihood">L(θ)/L(θ̂).</param>
/// <param name="Rate">The rep's rate on these deals at each shift.</param>
internal sealed record LikelihoodGrid(double[] Theta, double Step, double[] Likelihood, double[] Rate)
{
    /// <summary>Trapezoid weight of grid point <paramref name="g"/>.</summary>
    public double Weight(int g) => g == 0 || g == Theta.Length - 1 ? Step / 2 : Step;
}
