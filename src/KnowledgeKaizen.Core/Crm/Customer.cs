namespace KnowledgeKaizen.Core.Crm;

/// <summary>A customer account from the CRM.</summary>
public class Customer
{
    private Customer()
    {
        ExternalId = string.Empty;
        Name = string.Empty;
        Industry = string.Empty;
        Region = string.Empty;
    }

    public Customer(string externalId, string name, string industry, string region, DateTime createdAt, CustomerSegment? segment = null)
    {
        ExternalId = externalId;
        Name = name;
        Industry = industry;
        Region = region;
        CreatedAt = createdAt;
        Segment = segment;
    }

    public long Id { get; private set; }

    public string ExternalId { get; private set; }

    public string Name { get; private set; }

    public string Industry { get; private set; }

    public string Region { get; private set; }

    public CustomerSegment? Segment { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ChurnedAt { get; private set; }

    public bool IsChurned => ChurnedAt is not null;

    public void Churn(DateTime at)
    {
        if (at < CreatedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), "A customer cannot churn before it was created.");
        }

        ChurnedAt = at;
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.ExternalId).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.Industry).HasMaxLength(100);
        builder.Property(c => c.Region).HasMaxLength(100);
        builder.Property(c => c.Segment).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => c.ExternalId).IsUnique();
    }
}
