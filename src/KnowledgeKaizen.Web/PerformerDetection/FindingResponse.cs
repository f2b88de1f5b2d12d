namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary>One (rep, stage) pair as the API returns it; <c>RepId</c> is the rep's CRM id.</summary>
public sealed record FindingResponse(string RepId, string RepName, string Team, string Stage, string Classification,
    int N, int Observed, double Expected, double RawRate, double ExpectedRate, double ShrunkRate, double ShrunkRateOnCompanyMix,
    double Lift, RateInterval Interval, double Effect, double ProbabilityStandout, double ProbabilityNeedsCoaching, string? InsufficientReason, int? ModelVersion)
{
    /// <summary>The row as the API shows it, figures rounded for reading.</summary>
    public static FindingResponse Of(FindingRow row, int? modelVersion)
    {
        var f = row.Finding.Figures;
        return new(row.RepExternalId, row.RepName, row.Team, row.Finding.Stage, row.Finding.Class.ToString(), f.Entries, f.Advanced,
            Math.Round(f.Expected, 3), Math.Round(f.RawRate, 4), Math.Round(f.ExpectedRate, 4), Math.Round(f.ShrunkRate, 4),
            Math.Round(f.ShrunkRateOnCompanyMix, 4), Math.Round(f.Lift, 4), new RateInterval(Math.Round(f.RateLow, 4), Math.Round(f.RateHigh, 4)),
            Math.Round(f.Effect, 4), Math.Round(f.ProbabilityStandout, 4), Math.Round(f.ProbabilityCoaching, 4), row.Finding.InsufficientReason, modelVersion);
    }
}
