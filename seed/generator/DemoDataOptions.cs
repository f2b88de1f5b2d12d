namespace KnowledgeKaizen.SeedGenerator;

/// <summary>
/// Everything that shapes the demo CRM data. The same options (including <see cref="Seed"/>) always produce
/// byte-identical files; nothing reads the clock or the current culture.
/// </summary>
public sealed record DemoDataOptions
{
    /// <summary>Seed of every random stream; the committed data uses 20261127.</summary>
    public int Seed { get; init; } = 20261127;

    /// <summary>Sales reps, split evenly over the four regions (a multiple of 4, at least 16).</summary>
    public int SalesReps { get; init; } = 48;

    /// <summary>Service agents, split evenly over the four regions (a multiple of 4, at least 4).</summary>
    public int ServiceAgents { get; init; } = 12;

    /// <summary>Approximate number of opportunities created over <see cref="Months"/>.</summary>
    public int Opportunities { get; init; } = 15_000;

    /// <summary>Approximate number of service cases.</summary>
    public int ServiceCases { get; init; } = 4_000;

    /// <summary>Approximate number of feedback items (post-case surveys plus standalone feedback).</summary>
    public int FeedbackItems { get; init; } = 6_000;

    /// <summary>Length of the simulated history in months, ending at <see cref="EndDate"/>.</summary>
    public int Months { get; init; } = 24;

    /// <summary>Last day of the simulated history (inclusive); work still running then stays open.</summary>
    public DateOnly EndDate { get; init; } = new(2026, 10, 31);

    /// <summary>Log-odds added at the one stage where a planted standout is genuinely better.</summary>
    public double StandoutLogOdds { get; init; } = 0.8;

    /// <summary>Log-odds added (negative) at the one stage where a planted laggard needs coaching.</summary>
    public double LaggardLogOdds { get; init; } = -0.9;

    /// <summary>
    /// How strongly standouts are handed hard deals: their assignment weight is exp(-tilt × deal log-odds),
    /// which hides their skill in raw conversion rates.
    /// </summary>
    public double HardDealTilt { get; init; } = 6.0;

    /// <summary>Days before <see cref="EndDate"/> on which the newest reps were hired.</summary>
    public int NewRepTenureDays { get; init; } = 28;

    /// <summary>Complaint theme that spikes (one of the codes in the README, e.g. late_delivery).</summary>
    public string SpikeTheme { get; init; } = "late_delivery";

    /// <summary>First month of the complaint spike.</summary>
    public DateOnly SpikeStart { get; init; } = new(2026, 3, 1);

    /// <summary>Number of months the spike lasts.</summary>
    public int SpikeMonths { get; init; } = 3;

    /// <summary>Factor on the spiking theme's weight among complaints during the spike.</summary>
    public double SpikeFactor { get; init; } = 4.0;

    /// <summary>Share of customers that churn during the history.</summary>
    public double ChurnShare { get; init; } = 0.05;

    /// <summary>First instant of the history (UTC).</summary>
    public DateTime Start => EndDate.AddDays(1).AddMonths(-Months).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>First instant after the history (UTC); nothing happens at or after it.</summary>
    public DateTime End => EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Throws when the options cannot produce a coherent data set.</summary>
    public void Validate()
    {
        if (SalesReps < 16 || SalesReps % 4 != 0)
        {
            throw new ArgumentException("SalesReps must be a multiple of 4 and at least 16.");
        }

        if (ServiceAgents < 4 || ServiceAgents % 4 != 0)
        {
            throw new ArgumentException("ServiceAgents must be a multiple of 4 and at least 4.");
        }

        if (Opportunities < 1 || ServiceCases < 0 || FeedbackItems < 0 || Months < 1)
        {
            throw new ArgumentException("Counts must be positive.");
        }

        if (SpikeMonths < 0 || SpikeFactor <= 0 || ChurnShare is < 0 or > 0.5)
        {
            throw new ArgumentException("Spike and churn parameters are out of range.");
        }
    }
}
