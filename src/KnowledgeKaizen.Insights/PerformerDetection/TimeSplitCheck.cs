namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// Trained on the entries that entered a stage before <paramref name="SplitAt"/>, compared with each pair's rate after it.
/// </summary>
/// <param name="SplitAt">Median entry time: the earlier half trains, the later half judges.</param>
/// <param name="Pairs">Pairs with enough evidence in the earlier half and entries in the later one.</param>
/// <param name="LaterEntries">Later-half entries of those pairs.</param>
/// <param name="EstimateError">Mean squared difference between the shown estimate and the later rate, weighted by later entries.</param>
/// <param name="RawError">The same for the earlier raw rate.</param>
public sealed record TimeSplitCheck(DateTime SplitAt, int Pairs, int LaterEntries, double EstimateError, double RawError)
{
    /// <summary>Error of the shown estimate ÷ error of the raw rate: below 1, the estimate is the better guide.</summary>
    public double ErrorRatio => RawError > 0 ? EstimateError / RawError : double.NaN;
}
