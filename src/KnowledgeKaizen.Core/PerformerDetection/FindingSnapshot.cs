namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>
/// The persisted result of one performer-detection retraining: model version, when, the options used, the stage priors
/// and one <see cref="PerformerFinding"/> per (rep, stage). Pages read the latest snapshot, so they are
/// instant and keep serving the previous one while a new training runs.
/// </summary>
public class FindingSnapshot
{
    private readonly List<PerformerFinding> findings = [];

    private FindingSnapshot()
    {
        OptionsJson = "{}";
        StagesJson = "[]";
    }

    private FindingSnapshot(SnapshotStatus status, DateTimeOffset computedAt, int rows, string optionsJson)
    {
        Status = status;
        ComputedAt = computedAt;
        Rows = rows;
        OptionsJson = optionsJson;
        StagesJson = "[]";
    }

    public long Id { get; private set; }

    public SnapshotStatus Status { get; private set; }

    public DateTimeOffset ComputedAt { get; private set; }

    /// <summary>Store version of the expected-outcome model the findings were computed with.</summary>
    public int? ModelVersion { get; private set; }

    /// <summary>Closed stage entries the training saw.</summary>
    public int Rows { get; private set; }

    /// <summary>Why there are no findings, when <see cref="Status"/> is <see cref="SnapshotStatus.NotEnoughData"/>.</summary>
    public string? Reason { get; private set; }

    /// <summary>Model and evidence options in force, as JSON (shown on the model page).</summary>
    public string OptionsJson { get; private set; }

    /// <summary>Per-stage priors (entries, base rate, pairs, fitted prior) as JSON.</summary>
    public string StagesJson { get; private set; }

    public double EstimatedStandoutFdr { get; private set; }

    public double EstimatedCoachingFdr { get; private set; }

    public IReadOnlyList<PerformerFinding> Findings => findings;

    /// <summary>A snapshot with findings.</summary>
    public static FindingSnapshot Ready(DateTimeOffset computedAt, int modelVersion, int rows, string optionsJson, string stagesJson,
        double standoutFdr, double coachingFdr, IEnumerable<PerformerFinding> pairs)
    {
        var snapshot = new FindingSnapshot(SnapshotStatus.Ready, computedAt, rows, optionsJson)
        {
            ModelVersion = modelVersion,
            StagesJson = stagesJson,
            EstimatedStandoutFdr = standoutFdr,
            EstimatedCoachingFdr = coachingFdr,
        };
        snapshot.findings.AddRange(pairs);
        return snapshot;
    }

    /// <summary>A snapshot that records why nothing could be analysed (an empty install, one outcome only, …).</summary>
    public static FindingSnapshot NotEnoughData(DateTimeOffset computedAt, int rows, string optionsJson, string reason) =>
        new(SnapshotStatus.NotEnoughData, computedAt, rows, optionsJson) { Reason = reason };
}

internal sealed class FindingSnapshotConfiguration : IEntityTypeConfiguration<FindingSnapshot>
{
    public void Configure(EntityTypeBuilder<FindingSnapshot> builder)
    {
        builder.ToTable("FindingSnapshots");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.HasMany(s => s.Findings).WithOne().HasForeignKey(f => f.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(s => s.ComputedAt);
    }
}
