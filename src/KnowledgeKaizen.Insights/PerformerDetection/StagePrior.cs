namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>The fitted prior of one stage, or why none could be fitted.</summary>
/// <param name="Stage">Stage code.</param>
/// <param name="Entries">Entries at the stage.</param>
/// <param name="BaseRate">Company-wide advance rate at the stage.</param>
/// <param name="Pairs">Reps active at the stage.</param>
/// <param name="EligiblePairs">Reps with enough evidence to enter the prior fit.</param>
/// <param name="Prior">Fitted prior (null when <paramref name="NotEnoughData"/> is set).</param>
/// <param name="NotEnoughData">Why no prior was fitted.</param>
public sealed record StagePrior(string Stage, int Entries, double BaseRate, int Pairs, int EligiblePairs, TwoGroupPrior? Prior, NotEnoughData? NotEnoughData);
