namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>
/// One opportunity's stay in one sales stage, as the insights engine sees it. The lead maps CRM rows to this.
/// Deal and customer fields feed the expected-outcome model; the rep and the behaviour fields never do
/// (behaviour is only used to explain a finding afterwards).
/// </summary>
/// <param name="RepId">The CRM rep's database id: the rep who owned the opportunity while it was in the stage.</param>
/// <param name="Stage">Stage code, e.g. "Qualify".</param>
/// <param name="OpportunityId">Opportunity identifier (for tracing only).</param>
/// <param name="Amount">Deal amount in the company currency.</param>
/// <param name="Industry">Customer industry.</param>
/// <param name="Region">Sales region.</param>
/// <param name="Source">Lead source.</param>
/// <param name="CustomerPriorDeals">Closed deals with this customer before this one.</param>
/// <param name="CustomerPriorWins">Won deals with this customer before this one.</param>
/// <param name="EnteredAt">When the opportunity entered the stage (gives month / season).</param>
/// <param name="DaysInStage">Days spent in the stage; only a model feature when
/// <see cref="KnowledgeKaizen.Insights.ExpectedOutcome.ExpectedOutcomeOptions.UseDaysInStage"/> is on.</param>
/// <param name="Advanced">Label: the opportunity moved on to the next stage (or was won at the last one).</param>
public sealed record StageOutcomeObservation(
    long RepId,
    string Stage,
    string OpportunityId,
    double Amount,
    string Industry,
    string Region,
    string Source,
    int CustomerPriorDeals,
    int CustomerPriorWins,
    DateTime EnteredAt,
    double DaysInStage,
    bool Advanced)
{
    /// <summary>Visits logged while in the stage (explanation only).</summary>
    public int? VisitsAtStage { get; init; }

    /// <summary>Calls logged while in the stage (explanation only).</summary>
    public int? CallsAtStage { get; init; }

    /// <summary>Proposals sent while in the stage (explanation only).</summary>
    public int? ProposalsAtStage { get; init; }

    /// <summary>Quotes sent while in the stage (explanation only).</summary>
    public int? QuotesAtStage { get; init; }

    /// <summary>Hours from entering the stage to the first logged activity (explanation only).</summary>
    public double? HoursToFirstActivity { get; init; }
}
