namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>What happened to a newly trained model handed to <see cref="ModelStore.SaveAndPromoteAsync"/>.</summary>
/// <param name="Promoted">True when the new model now serves.</param>
/// <param name="Version">Version it was stored as (null when rejected: rejected models are not kept).</param>
/// <param name="Reason">Why it was promoted or rejected, for the job log.</param>
/// <param name="Candidate">The new model's report.</param>
/// <param name="Previous">The report of the model that was serving before, if any.</param>
public sealed record ModelPromotion(bool Promoted, int? Version, string Reason, ExpectedOutcomeModelReport Candidate, ExpectedOutcomeModelReport? Previous);
