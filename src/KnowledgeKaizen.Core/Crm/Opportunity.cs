namespace KnowledgeKaizen.Core.Crm;

/// <summary>A sales opportunity: what was at stake, who owned it, and how it ended.</summary>
public class Opportunity
{
    private Opportunity()
    {
        ExternalId = string.Empty;
        Industry = string.Empty;
        Region = string.Empty;
    }

    public Opportunity(string externalId, long customerId, long ownerId, double amount, string industry,
        LeadSource source, string region, DateTime createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ExternalId = externalId;
        CustomerId = customerId;
        OwnerId = ownerId;
        Amount = amount;
        Industry = industry;
        Source = source;
        Region = region;
        CreatedAt = createdAt;
        Outcome = DealOutcome.Open;
    }

    public long Id { get; private set; }

    public string ExternalId { get; private set; }

    public long CustomerId { get; private set; }

    /// <summary>The owning rep.</summary>
    public long OwnerId { get; private set; }

    public double Amount { get; private set; }

    public string Industry { get; private set; }

    public LeadSource Source { get; private set; }

    public string Region { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ExpectedCloseAt { get; private set; }

    public double? ForecastAmount { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public DealOutcome Outcome { get; private set; }

    public string? LossReason { get; private set; }

    /// <summary>The contract amount when won.</summary>
    public double? FinalAmount { get; private set; }

    public double? CollectedAmount { get; private set; }

    public void Win(DateTime closedAt, double finalAmount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(finalAmount);
        Close(closedAt, DealOutcome.Won);
        FinalAmount = finalAmount;
        LossReason = null;
    }

    public void Lose(DateTime closedAt, string reason)
    {
        Close(closedAt, DealOutcome.Lost);
        LossReason = reason;
    }

    private void Close(DateTime closedAt, DealOutcome outcome)
    {
        if (closedAt < CreatedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(closedAt), "An opportunity cannot close before it was created.");
        }

        ClosedAt = closedAt;
        Outcome = outcome;
    }
}

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.Property(o => o.ExternalId).HasMaxLength(64);
        builder.Property(o => o.Industry).HasMaxLength(100);
        builder.Property(o => o.Region).HasMaxLength(100);
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.LossReason).HasMaxLength(500);
        builder.HasIndex(o => o.ExternalId).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Rep>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.Outcome, o.ClosedAt });

        // Also the owner's foreign-key index; the customer beside it lets a rep's or team's "new customers" read the
        // index alone instead of one table row per opportunity.
        builder.HasIndex(o => new { o.OwnerId, o.CustomerId });
    }
}
