namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>Settings of the expected-outcome model (bound from the configuration section "Insights:ExpectedOutcome").</summary>
public sealed record ExpectedOutcomeOptions
{
    /// <summary>Trainers compared on out-of-fold AUC; the best one is kept. At least one.</summary>
    public IReadOnlyList<ExpectedOutcomeTrainerKind> Trainers { get; set; } =
        [ExpectedOutcomeTrainerKind.LightGbm, ExpectedOutcomeTrainerKind.FastTree];

    /// <summary>Cross-validation folds. Folds are groups of reps, so a rep's deals never train their own expectation.</summary>
    public int FoldCount { get; init; } = 5;

    public int NumberOfTrees { get; init; } = 100;

    public int NumberOfLeaves { get; init; } = 31;

    public int MinimumExampleCountPerLeaf { get; init; } = 50;

    public double LearningRate { get; init; } = 0.1;

    /// <summary>
    /// Cap on rows each training sees (within a fold and for the final model); larger training sets are
    /// subsampled deterministically. Keeps a million-row history inside a minute on two cores.
    /// </summary>
    public int MaxTrainingRows { get; init; } = 250_000;

    /// <summary>
    /// With several trainers and a larger history, the trainers are compared on the out-of-fold AUC of a sample of
    /// whole reps of about this many rows; only the winner is then cross-validated on every row.
    /// </summary>
    public int ComparisonMaxRows { get; init; } = 200_000;

    /// <summary>Fewer rows than this is <c>NotEnoughData</c>.</summary>
    public int MinTrainingRows { get; init; } = 200;

    /// <summary>
    /// Off by default: time in stage is only known once the entry closed and is partly the rep's own doing
    /// (a rep who moves deals fast would see that speed credited to the deal), so as a feature it leaks
    /// both the outcome and the rep's skill into the expectation. Turn on only to explain "given how long it sat".
    /// </summary>
    public bool UseDaysInStage { get; init; }

    /// <summary>
    /// A tree model is used only if its out-of-fold AUC beats per-stage base rates by this much; otherwise the
    /// expectation is the stage base rate and the analysis reduces to shrinkage of raw rates.
    /// </summary>
    public double MinAucGainOverBaseRate { get; init; } = 0.005;

    public int Seed { get; init; } = 20261;

    /// <summary>
    /// Threads each trainer may use; null leaves it to the library (all cores). Default 1: retraining runs as a
    /// background job beside the web app, and on a busy machine LightGbm's OpenMP threads spin-wait on each other
    /// (measured here under load: 51 s with 2 threads against 8.5 s with 1 for the same 200k-row cross-validation).
    /// </summary>
    public int? TrainerThreads { get; init; } = 1;

    /// <summary>
    /// How long an instance serves its model before it reads which version is promoted again (and a background check
    /// runs this often): with several instances, a model one of them promotes serves on every other within this time.
    /// A promotion on the instance itself serves at once.
    /// </summary>
    public TimeSpan ServingCheckInterval { get; init; } = TimeSpan.FromSeconds(30);
}
