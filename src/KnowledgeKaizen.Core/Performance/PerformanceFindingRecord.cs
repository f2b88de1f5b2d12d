using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeKaizen.Core.Performance;

/// <summary>How a rep does at a stage once luck and deal mix are accounted for (names match the engine's classes).</summary>
public enum FindingClass
{
    InsufficientData,
    Typical,
    Promising,
    Standout,
    NeedsCoaching,
}

/// <summary>The figures of one (rep, stage) finding, as the engine computed them.</summary>
/// <param name="Entries">n.</param>
/// <param name="Advanced">Observed advances.</param>
/// <param name="Expected">Expected advances from the deals' own features.</param>
/// <param name="RawRate">Observed / n.</param>
/// <param name="ExpectedRate">Expected / n.</param>
/// <param name="Lift">Observed / expected.</param>
/// <param name="Effect">Rep effect on the log-odds scale.</param>
/// <param name="EffectLow">Lower end of the effect interval.</param>
/// <param name="EffectHigh">Upper end of the effect interval.</param>
/// <param name="RateLow">Rate implied by the lower end, on the rep's own mix.</param>
/// <param name="RateHigh">Rate implied by the upper end.</param>
/// <param name="ShrunkRate">Posterior (shrunk) rate on the rep's own mix.</param>
/// <param name="ShrunkRateOnCompanyMix">Posterior effect applied to the stage's company rate: comparable across reps.</param>
/// <param name="ProbabilityStandout">Posterior probability of a real positive effect.</param>
/// <param name="ProbabilityCoaching">Posterior probability of a real negative effect.</param>
/// <param name="ZScore">Score statistic (observed − expected)/√Σp(1−p).</param>
public sealed record FindingFigures(
    int Entries,
    int Advanced,
    double Expected,
    double RawRate,
    double ExpectedRate,
    double Lift,
    double Effect,
    double EffectLow,
    double EffectHigh,
    double RateLow,
    double RateHigh,
    double ShrunkRate,
    double ShrunkRateOnCompanyMix,
    double ProbabilityStandout,
    double ProbabilityCoaching,
    double ZScore);

/// <summary>One (rep, stage) row of a <see cref="PerformanceSnapshot"/>. The rep's name is kept as it was, so a later
/// rename or merge in the CRM never breaks an old snapshot; pages show the current name when the rep still exists.</summary>
public class PerformanceFindingRecord
{
    private PerformanceFindingRecord()
    {
        RepName = string.Empty;
        Stage = string.Empty;
        ExplanationJson = "{}";
        Figures = null!;
    }

    public PerformanceFindingRecord(long repId, string repName, string stage, FindingClass findingClass, FindingFigures figures,
        bool selectedAtFdr, string explanationJson, string? insufficientReason)
    {
        RepId = repId;
        RepName = repName;
        Stage = stage;
        Class = findingClass;
        Figures = figures;
        SelectedAtFdr = selectedAtFdr;
        ExplanationJson = explanationJson;
        InsufficientReason = insufficientReason;
    }

    public long Id { get; private set; }

    public long SnapshotId { get; private set; }

    /// <summary>The CRM rep's database id (no foreign key: a snapshot is history).</summary>
    public long RepId { get; private set; }

    public string RepName { get; private set; }

    /// <summary>Stage code.</summary>
    public string Stage { get; private set; }

    public FindingClass Class { get; private set; }

    public FindingFigures Figures { get; private set; }

    /// <summary>In the FDR-controlled Standout or NeedsCoaching set.</summary>
    public bool SelectedAtFdr { get; private set; }

    /// <summary>The engine's explanation (deal mix, behaviour against peers) as JSON.</summary>
    public string ExplanationJson { get; private set; }

    public string? InsufficientReason { get; private set; }

    /// <summary>NeedsCoaching is for managers' eyes only; everything else may be shown to the rep.</summary>
    public bool IsManagerOnly => Class == FindingClass.NeedsCoaching;

    /// <summary>Only a Standout is worth asking the rep to write down their method.</summary>
    public bool WarrantsCaptureRequest => Class == FindingClass.Standout;
}

internal sealed class PerformanceFindingRecordConfiguration : IEntityTypeConfiguration<PerformanceFindingRecord>
{
    public void Configure(EntityTypeBuilder<PerformanceFindingRecord> builder)
    {
        builder.ToTable("PerformanceFindings");
        builder.Property(f => f.RepName).HasMaxLength(200);
        builder.Property(f => f.Stage).HasMaxLength(64);
        builder.Property(f => f.Class).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.InsufficientReason).HasMaxLength(1000);
        builder.ComplexProperty(f => f.Figures);
        builder.HasIndex(f => new { f.SnapshotId, f.RepId, f.Stage }).IsUnique();
        builder.HasIndex(f => new { f.SnapshotId, f.Class });
    }
}
