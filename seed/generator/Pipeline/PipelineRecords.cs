using KnowledgeKaizen.SeedGenerator.Model;

namespace KnowledgeKaizen.SeedGenerator.Pipeline;

/// <summary>How a stage visit ended; <see cref="Open"/> means it was still running at the end date.</summary>
public enum StageOutcome
{
    Advanced,
    Lost,
    Open,
}

/// <summary>
/// One stage-history row together with the deal features and the ground-truth probabilities behind it:
/// <see cref="ExpectedProbability"/> is for an average rep, <see cref="TrueProbability"/> adds the rep effect.
/// </summary>
public sealed record StageEntry(
    string Id,
    string OpportunityId,
    string RepId,
    int Stage,
    DateTime EnteredAt,
    DateTime? LeftAt,
    StageOutcome Outcome,
    DealFeatures Deal,
    double ExpectedProbability,
    double TrueProbability)
{
    public string StageCode => Catalog.Stages[Stage].Code;
}

/// <summary>A sales activity on an opportunity; <see cref="Amount"/> is set for quotes only.</summary>
public sealed record ActivityRow(
    string Id, string OpportunityId, string RepId, string Type, DateTime OccurredAt, decimal? Amount, decimal Cost);

/// <summary>An opportunity as written to opportunities.csv.</summary>
public sealed record OpportunityRow(
    string Id,
    string CustomerId,
    string OwnerId,
    decimal Amount,
    string Industry,
    string Source,
    string Region,
    DateTime CreatedAt,
    DateOnly ExpectedCloseAt,
    decimal ForecastAmount,
    DateTime? ClosedAt,
    string Outcome,
    string? LossReason,
    decimal? FinalAmount,
    decimal? CollectedAmount);

/// <summary>One simulated opportunity with its stage history and activities, produced one at a time.</summary>
public sealed record SimulatedOpportunity(
    OpportunityRow Opportunity, IReadOnlyList<StageEntry> Stages, IReadOnlyList<ActivityRow> Activities);
