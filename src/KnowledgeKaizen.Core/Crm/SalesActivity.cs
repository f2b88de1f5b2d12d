namespace KnowledgeKaizen.Core.Crm;

/// <summary>A visit, call, proposal or quote on an opportunity, with its cost and (for quotes) amount.</summary>
public class SalesActivity
{
    private SalesActivity()
    {
        ExternalId = string.Empty;
    }

    public SalesActivity(string externalId, long opportunityId, long repId, ActivityType type, DateTime occurredAt,
        double? amount = null, double? cost = null)
    {
        if (amount < 0 || cost < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Amounts and costs cannot be negative.");
        }

        ExternalId = externalId;
        OpportunityId = opportunityId;
        RepId = repId;
        Type = type;
        OccurredAt = occurredAt;
        Amount = amount;
        Cost = cost;
    }

    public long Id { get; private set; }

    public string ExternalId { get; private set; }

    public long OpportunityId { get; private set; }

    public long RepId { get; private set; }

    public ActivityType Type { get; private set; }

    public DateTime OccurredAt { get; private set; }

    /// <summary>The quoted amount for quotes.</summary>
    public double? Amount { get; private set; }

    /// <summary>The activity's sales cost.</summary>
    public double? Cost { get; private set; }

    /// <summary>
    /// How close a quote came to the final contract amount: 1 is exact, 0.9 means 10% off either way.
    /// Null when this is not a quote or either amount is unknown.
    /// </summary>
    public double? QuoteAccuracy(double? finalAmount)
    {
        if (Type != ActivityType.Quote || Amount is not { } quoted || finalAmount is not { } final || final <= 0)
        {
            return null;
        }

        return Math.Max(0, 1 - (Math.Abs(quoted - final) / final));
    }
}

internal sealed class SalesActivityConfiguration : IEntityTypeConfiguration<SalesActivity>
{
    public void Configure(EntityTypeBuilder<SalesActivity> builder)
    {
        builder.ToTable("Activities");
        builder.Property(a => a.ExternalId).HasMaxLength(64);
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => a.ExternalId).IsUnique();
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(a => a.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Rep>().WithMany().HasForeignKey(a => a.RepId).OnDelete(DeleteBehavior.Restrict);
    }
}
