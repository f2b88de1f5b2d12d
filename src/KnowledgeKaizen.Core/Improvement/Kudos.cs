namespace KnowledgeKaizen.Core.Improvement;

/// <summary>Recognition: one user thanks a contributor. One per giver, receiver and day.</summary>
public class Kudos
{
    public const int MaxMessageLength = 500;

    private Kudos()
    {
        FromUserId = string.Empty;
        FromName = string.Empty;
        ToUserId = string.Empty;
        Message = string.Empty;
    }

    public Kudos(string fromUserId, string fromName, string toUserId, string message, DateTime at)
    {
        if (fromUserId == toUserId)
        {
            throw new ImprovementRuleException("You cannot give kudos to yourself.");
        }

        FromUserId = fromUserId;
        FromName = fromName;
        ToUserId = toUserId;
        Message = ImprovementCycle.Required(message, MaxMessageLength, "Write a short message.");
        GivenAt = at;
        Day = DateOnly.FromDateTime(at);
    }

    public long Id { get; private set; }

    public string FromUserId { get; private set; }

    public string FromName { get; private set; }

    public string ToUserId { get; private set; }

    public string Message { get; private set; }

    public DateTime GivenAt { get; private set; }

    public DateOnly Day { get; private set; }
}

internal sealed class KudosConfiguration : IEntityTypeConfiguration<Kudos>
{
    public void Configure(EntityTypeBuilder<Kudos> builder)
    {
        builder.ToTable("Kudos");
        builder.Property(k => k.FromUserId).HasMaxLength(450);
        builder.Property(k => k.FromName).HasMaxLength(256);
        builder.Property(k => k.ToUserId).HasMaxLength(450);
        builder.Property(k => k.Message).HasMaxLength(Kudos.MaxMessageLength);
        builder.HasIndex(k => new { k.FromUserId, k.ToUserId, k.Day }).IsUnique();
        builder.HasIndex(k => k.ToUserId);
    }
}
