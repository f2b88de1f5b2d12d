namespace KnowledgeKaizen.Testing.Simulation;

/// <summary>Settings of a simulated stage history with planted truth (tests and benchmarks).</summary>
/// <param name="Rows">Stage entries to generate.</param>
/// <param name="Reps">Number of reps.</param>
/// <param name="Seed">Seed of the truth (rep effects and deal mixes).</param>
/// <param name="Period">0 for the training period; other values draw new deals under the same truth.</param>
public sealed record SimulationSettings(int Rows, int Reps, int Seed, int Period = 0)
{
    /// <summary>Share of (rep, stage) pairs with a real positive effect.</summary>
    public double StandoutShare { get; init; } = 0.06;

    /// <summary>Share of (rep, stage) pairs with a real negative effect.</summary>
    public double CoachingShare { get; init; } = 0.05;

    /// <summary>Size of a real effect on the log-odds scale.</summary>
    public double EffectSize { get; init; } = 0.8;

    /// <summary>False: every deal alike apart from its stage, so no feature can predict anything.</summary>
    public bool DealsDiffer { get; init; } = true;

    /// <summary>Reps with a standout pair get clearly harder deals (bigger, colder, tougher industries).</summary>
    public bool StandoutsGetHarderDeals { get; init; } = true;

    /// <summary>Reps with a needs-coaching pair (and no standout pair) get clearly easier deals (warm referrals, small, repeat customers).</summary>
    public bool LaggardsGetEasierDeals { get; init; }

    /// <summary>
    /// How much territories differ: each rep's source and industry weights are raised to this power (1 = the default
    /// tilt; 3 = reps whose deal mixes barely overlap).
    /// </summary>
    public double MixStrength { get; init; } = 1;

    /// <summary>
    /// False: the effects are planted (they still choose who works which deals) but do not move any outcome — the same
    /// deals with no rep effects, for measuring how much of the effects leaks into the expectation.
    /// </summary>
    public bool ApplyEffects { get; init; } = true;
}
