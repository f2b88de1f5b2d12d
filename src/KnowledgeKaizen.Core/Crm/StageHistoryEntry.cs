namespace KnowledgeKaizen.Core.Crm;

/// <summary>
/// One opportunity entering one stage: when it entered and left, how it left (advanced to the next stage,
/// lost, or still open) and the rep responsible. The raw material of conversion and cycle-time metrics.
/// </summary>
public class StageHistoryEntry
{
    private StageHistoryEntry()
    {
        ExternalId = string.Empty;
    }

    public StageHistoryEntry(string externalId, long opportunityId, long stageId, long repId, DateTime enteredAt)
    {
        ExternalId = externalId;
        OpportunityId = opportunityId;
        StageId = stageId;
        RepId = repId;
        EnteredAt = enteredAt;
        Outcome = StageOutcome.Open;
    }

    public long Id { get; private set; }

    public string ExternalId { get; private set; }

    public long OpportunityId { get; private set; }

    public long StageId { get; private set; }

    /// <summary>The responsible rep.</summary>
    public long RepId { get; private set; }

    public DateTime EnteredAt { get; private set; }

    public DateTime? LeftAt { get; private set; }

    public StageOutcome Outcome { get; private set; }

    public TimeSpan? Duration => LeftAt - EnteredAt;

    public void Advance(DateTime leftAt) => Leave(leftAt, StageOutcome.Advanced);

    public void Lose(DateTime leftAt) => Leave(leftAt, StageOutcome.Lost);

    private void Leave(DateTime leftAt, StageOutcome outcome)
    {
        if (leftAt < EnteredAt)
        {
            throw new ArgumentOutOfRangeException(nameof(leftAt), "A stage cannot be left before it was entered.");
        }

        LeftAt = leftAt;
        Outcome = outcome;
    }
}

internal sealed class StageHistoryEntryConfiguration : IEntityTypeConfiguration<StageHistoryEntry>
{
    public void Configure(EntityTypeBuilder<StageHistoryEntry> builder)
    {
        builder.ToTable("StageHistory");
        builder.Property(h => h.ExternalId).HasMaxLength(64);
        builder.Property(h => h.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(h => h.Duration);
        builder.HasIndex(h => h.ExternalId).IsUnique();
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(h => h.OpportunityId).OnDelete(DeleteBehavior.Cascade);

        // Six stages and a few dozen reps: their foreign keys get no single-column index (see
        // UnindexedForeignKeyConvention). Reads by stage or rep go through IX_StageHistory_Metrics.
        builder.HasOne<SalesStage>().WithMany().HasForeignKey(h => h.StageId).OnDelete(DeleteBehavior.Restrict).WithoutIndex();
        builder.HasOne<Rep>().WithMany().HasForeignKey(h => h.RepId).OnDelete(DeleteBehavior.Restrict).WithoutIndex();
    }
}
