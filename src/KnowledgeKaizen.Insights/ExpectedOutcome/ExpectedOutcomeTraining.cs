namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>A trained model plus the out-of-fold expectation of every training row.</summary>
/// <param name="Model">Model trained on all rows (for scoring new entries), calibrated on out-of-fold scores.</param>
/// <param name="OutOfFoldExpected">Calibrated P(advance) per input row, from a model that never saw that row's rep.</param>
/// <param name="FoldOfRep">The rep-grouped fold of each rep.</param>
public sealed record ExpectedOutcomeTraining(
    ExpectedOutcomeModel Model,
    IReadOnlyList<double> OutOfFoldExpected,
    IReadOnlyDictionary<long, int> FoldOfRep);
