namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>One (rep, stage) row of a <see cref="FindingSnapshot"/>. The rep's name is kept as it was, so a later
/// rename or merge in the CRM never breaks an old snapshot; pages show the current name when the rep still exists.</summary>
public class PerformerFinding
{
    private PerformerFinding()
    {
        RepName = string.Empty;
        Stage = string.Empty;
        ExplanationJson = "{}";
        Figures = null!;
    }

    public PerformerFinding(long repId, string repName, string stage, FindingClass findingClass, FindingFigures figures,
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

internal sealed class PerformerFindingConfiguration : IEntityTypeConfiguration<PerformerFinding>
{
    public void Configure(EntityTypeBuilder<PerformerFinding> builder)
    {
        builder.ToTable("PerformerFindings");
        builder.Property(f => f.RepName).HasMaxLength(200);
        builder.Property(f => f.Stage).HasMaxLength(64);
        builder.Property(f => f.Class).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.InsufficientReason).HasMaxLength(1000);
        builder.ComplexProperty(f => f.Figures);
        builder.HasIndex(f => new { f.SnapshotId, f.RepId, f.Stage }).IsUnique();
        builder.HasIndex(f => new { f.SnapshotId, f.Class });
    }
}
