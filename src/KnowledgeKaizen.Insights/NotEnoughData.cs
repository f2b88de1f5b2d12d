namespace KnowledgeKaizen.Insights;

/// <summary>Why an analysis could not be run on the data given: shown to the user instead of an error.</summary>
/// <param name="Reason">Human-readable reason, e.g. "only one outcome class (all advanced)".</param>
public sealed record NotEnoughData(string Reason);
