namespace KnowledgeKaizen.Core.Crm;

/// <summary>
/// A service case: opened, first answered, resolved, and how — the resolution text is knowledge the
/// search finds ("case" documents). Comes from the CRM or is recorded in the portal as it happens.
/// </summary>
public class ServiceCase : ISearchable
{
    private ServiceCase()
    {
        ExternalId = string.Empty;
        Category = string.Empty;
        Subject = string.Empty;
    }

    public ServiceCase(string? externalId, long customerId, long agentId, DateTime openedAt, CaseChannel channel,
        string category, CasePriority priority, string subject, string? description)
    {
        ExternalId = externalId ?? "kk-" + Guid.NewGuid().ToString("N");
        CustomerId = customerId;
        AgentId = agentId;
        OpenedAt = openedAt;
        Channel = channel;
        Category = Required(category, nameof(category));
        Priority = priority;
        Subject = Required(subject, nameof(subject));
        Description = description;
    }

    public long Id { get; private set; }

    /// <summary>The CRM\'s id; "kk-…" for cases recorded in the portal.</summary>
    public string ExternalId { get; private set; }

    public long CustomerId { get; private set; }

    /// <summary>The service rep handling the case.</summary>
    public long AgentId { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime? FirstResponseAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public CaseChannel Channel { get; private set; }

    public string Category { get; private set; }

    public CasePriority Priority { get; private set; }

    /// <summary>1 (very unhappy) to 5.</summary>
    public int? Satisfaction { get; private set; }

    public double? Cost { get; private set; }

    public string Subject { get; private set; }

    public string? Description { get; private set; }

    public string? Resolution { get; private set; }

    public bool IsResolved => ResolvedAt is not null;

    public string SearchDocumentType => SearchDocumentTypes.Case;

    /// <summary>The external id: known before the row is inserted, and the same whichever way the record came in.</summary>
    public string SearchDocumentKey => ExternalId;

    public void RespondFirst(DateTime at)
    {
        if (at < OpenedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), "The first response cannot come before the case was opened.");
        }

        FirstResponseAt = at;
    }

    /// <summary>Records how the case was solved. A case resolved without an earlier response was answered by the resolution.</summary>
    public void Resolve(DateTime at, string resolution)
    {
        if (at < OpenedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), "A case cannot be resolved before it was opened.");
        }

        ResolvedAt = at;
        Resolution = Required(resolution, nameof(resolution));
        FirstResponseAt ??= at;
    }

    public void RateSatisfaction(int score)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        Satisfaction = score;
    }

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A value is required.", name) : value.Trim();
}

internal sealed class ServiceCaseConfiguration : IEntityTypeConfiguration<ServiceCase>
{
    public void Configure(EntityTypeBuilder<ServiceCase> builder)
    {
        builder.Property(c => c.ExternalId).HasMaxLength(64);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Category).HasMaxLength(100);
        builder.Property(c => c.Subject).HasMaxLength(500);
        builder.Ignore(c => c.SearchDocumentType);
        builder.Ignore(c => c.SearchDocumentKey);
        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.HasIndex(c => c.OpenedAt);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Rep>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}
