namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// How far the findings of one retraining can be trusted, computed with it and stored beside its model: what the same
/// rules flag on data with no rep effects at all, and whether the shown estimates predict a later period better than raw
/// rates do. Shown to managers before they act on a finding.
/// </summary>
/// <param name="Replicates">Data sets simulated from the fitted expectation with no rep effects.</param>
/// <param name="Pairs">Pairs with enough evidence, per simulated data set (mean).</param>
/// <param name="FalseStandouts">Standout flags per simulated data set (mean): every one of them is false.</param>
/// <param name="FalseCoaching">Needs-coaching flags per simulated data set (mean).</param>
/// <param name="FalsePromising">Promising labels per simulated data set (mean).</param>
/// <param name="TimeSplit">The time-split check, or null when the history is too short to split.</param>
/// <param name="TimeSplitMissingReason">Why there is no time-split check, when there is none.</param>
public sealed record FindingsValidation(
    int Replicates,
    double Pairs,
    double FalseStandouts,
    double FalseCoaching,
    double FalsePromising,
    TimeSplitCheck? TimeSplit,
    string? TimeSplitMissingReason)
{
    /// <summary>False Standout flags per 500 pairs with no effect.</summary>
    public double FalseStandoutsPer500 => Per500(FalseStandouts);

    /// <summary>False Needs-coaching flags per 500 pairs with no effect.</summary>
    public double FalseCoachingPer500 => Per500(FalseCoaching);

    /// <summary>Share of pairs with no effect labelled Promising.</summary>
    public double FalsePromisingShare => Pairs > 0 ? FalsePromising / Pairs : 0;

    private double Per500(double flags) => Pairs > 0 ? 500 * flags / Pairs : 0;
}
