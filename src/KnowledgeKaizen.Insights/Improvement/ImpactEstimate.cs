namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>A comparison of two groups (before vs after, non-adopters vs adopters): effect = second − first.</summary>
public sealed record ImpactEstimate(CheckVerdict Verdict, double? First, double? Second, long FirstSample, long SecondSample,
    double? Effect, double? Low, double? High, double? PValue)
{
    public static ImpactEstimate NotEnough(double? first, double? second, long n1, long n2) =>
        new(CheckVerdict.NotEnoughData, first, second, n1, n2, null, null, null, null);
}
