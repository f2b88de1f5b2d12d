namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>
/// The ML.NET row: the deal's own features only. There is deliberately no rep and no behaviour column.
/// Public because ML.NET binds columns by reflection; not meant for callers.
/// </summary>
public sealed class ExpectedOutcomeFeatures
{
    private static readonly string[] Months = Enumerable.Range(1, 12).Select(m => m.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public bool Label { get; set; }

    public string Stage { get; set; } = "";

    public string Industry { get; set; } = "";

    public string Region { get; set; } = "";

    public string Source { get; set; } = "";

    /// <summary>Month of entry as a category: season effects are not monotone in the month number.</summary>
    public string Month { get; set; } = "";

    public float LogAmount { get; set; }

    public float PriorDeals { get; set; }

    public float PriorWins { get; set; }

    /// <summary>Smoothed prior win rate, (wins + 1) / (deals + 2): a new customer sits at 0.5, not 0 or undefined.</summary>
    public float PriorWinRate { get; set; }

    public float DaysInStage { get; set; }

    /// <summary>Example weight in training: 1, or the share of a row learned as advanced (or lost) when training towards a probability.</summary>
    public float Weight { get; set; } = 1;

    internal static ExpectedOutcomeFeatures From(StageOutcomeObservation o) => new()
    {
        Label = o.Advanced,
        Stage = o.Stage,
        Industry = o.Industry,
        Region = o.Region,
        Source = o.Source,
        Month = Months[o.EnteredAt.Month - 1],
        LogAmount = (float)Math.Log(1 + Math.Max(0, o.Amount)),
        PriorDeals = o.CustomerPriorDeals,
        PriorWins = o.CustomerPriorWins,
        PriorWinRate = (o.CustomerPriorWins + 1f) / (o.CustomerPriorDeals + 2f),
        DaysInStage = (float)o.DaysInStage,
    };

    /// <summary>A copy of the row with another label and weight.</summary>
    internal ExpectedOutcomeFeatures As(bool label, float weight)
    {
        var copy = (ExpectedOutcomeFeatures)MemberwiseClone();
        copy.Label = label;
        copy.Weight = weight;
        return copy;
    }

    /// <summary>True when some deal feature other than the stage varies, i.e. a model can learn anything beyond base rates.</summary>
    internal static bool AnyDealFeatureVaries(IReadOnlyList<ExpectedOutcomeFeatures> rows, bool useDaysInStage)
    {
        var first = rows[0];
        foreach (var r in rows)
        {
            if (r.Industry != first.Industry || r.Region != first.Region || r.Source != first.Source || r.Month != first.Month
                || r.LogAmount != first.LogAmount || r.PriorDeals != first.PriorDeals || r.PriorWins != first.PriorWins
                || (useDaysInStage && r.DaysInStage != first.DaysInStage))
            {
                return true;
            }
        }

        return false;
    }
}
