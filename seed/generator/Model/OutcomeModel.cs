namespace KnowledgeKaizen.SeedGenerator.Model;

/// <summary>The features of a deal that the ground-truth model (and any fair expected-outcome model) may use.</summary>
public readonly record struct DealFeatures(
    decimal Amount, int Industry, int Source, int Region, bool HasPriorWin);

/// <summary>
/// The ground truth: each stage outcome is a Bernoulli draw with
/// p = sigmoid(stage base + amount band + industry + source + region + prior win + season + rep effect).
/// The rep effect is zero except for the planted standouts and laggards.
/// </summary>
public static class OutcomeModel
{
    /// <summary>Base log-odds of advancing, per stage (qualify … close).</summary>
    public static readonly IReadOnlyList<double> StageBase = [0.7, 0.8, 0.9, 1.0, 0.8, 1.5];

    /// <summary>Amount bands: upper bounds (exclusive) and their log-odds.</summary>
    public static readonly IReadOnlyList<(decimal UpTo, string Band, double Effect)> AmountBands =
    [
        (10_000m, "<10k", 0.3),
        (50_000m, "10k-50k", 0.0),
        (200_000m, "50k-200k", -0.35),
        (decimal.MaxValue, ">=200k", -0.7),
    ];

    /// <summary>Per-region log-odds (East, West, North, South).</summary>
    public static readonly IReadOnlyList<double> RegionEffect = [0.1, 0.0, -0.1, 0.0];

    public const double PriorWinEffect = 0.4;
    public const double FebruaryEffect = -0.35;
    public const double FourthQuarterEffect = 0.4;

    public static double AmountEffect(decimal amount)
    {
        foreach (var (upTo, _, effect) in AmountBands)
        {
            if (amount < upTo)
            {
                return effect;
            }
        }

        return AmountBands[^1].Effect;
    }

    /// <summary>The deal's own log-odds contribution, independent of stage, season and rep.</summary>
    public static double DealLogit(in DealFeatures deal) =>
        AmountEffect(deal.Amount)
        + Catalog.Industries[deal.Industry].Effect
        + Catalog.Sources[deal.Source].Effect
        + RegionEffect[deal.Region]
        + (deal.HasPriorWin ? PriorWinEffect : 0);

    /// <summary>Season by the month in which the stage is decided: a February dip everywhere, Q4 lift late in the funnel.</summary>
    public static double SeasonLogit(int stage, DateTime decidedAt) => decidedAt.Month switch
    {
        2 => FebruaryEffect,
        >= 10 when stage >= Catalog.Negotiate => FourthQuarterEffect,
        _ => 0,
    };

    /// <summary>Probability of advancing for an average rep (what an expected-outcome model should learn).</summary>
    public static double ExpectedProbability(int stage, in DealFeatures deal, DateTime decidedAt) =>
        Sigmoid(StageBase[stage] + DealLogit(deal) + SeasonLogit(stage, decidedAt));

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static double Logit(double p) => Math.Log(p / (1 - p));
}
