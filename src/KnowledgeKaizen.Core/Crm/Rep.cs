namespace KnowledgeKaizen.Core.Crm;

/// <summary>
/// A sales or service representative from the CRM, in a team and a region. Linked to a portal account
/// (<see cref="UserId"/>) when a user with the same email exists, so their playbooks and numbers meet.
/// </summary>
public class Rep
{
    private Rep()
    {
        ExternalId = string.Empty;
        Name = string.Empty;
        Team = string.Empty;
        Region = string.Empty;
    }

    public Rep(string externalId, string name, string team, string region, RepRole role, string? email = null)
    {
        ExternalId = externalId;
        Name = name;
        Team = team;
        Region = region;
        Role = role;
        Email = email;
        Active = true;
    }

    public long Id { get; private set; }

    public string ExternalId { get; private set; }

    public string Name { get; private set; }

    public string? Email { get; private set; }

    public string Team { get; private set; }

    public string Region { get; private set; }

    public RepRole Role { get; private set; }

    public DateTime? HiredAt { get; private set; }

    public bool Active { get; private set; }

    /// <summary>The portal user with this rep's email, when one exists.</summary>
    public string? UserId { get; private set; }

    public void LinkUser(string? userId) => UserId = userId;

    public void Deactivate() => Active = false;
}

internal sealed class RepConfiguration : IEntityTypeConfiguration<Rep>
{
    public void Configure(EntityTypeBuilder<Rep> builder)
    {
        builder.Property(r => r.ExternalId).HasMaxLength(64);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(256);
        builder.Property(r => r.Team).HasMaxLength(100);
        builder.Property(r => r.Region).HasMaxLength(100);
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.HasIndex(r => r.ExternalId).IsUnique();
        builder.HasIndex(r => r.UserId);
        builder.HasIndex(r => new { r.Team, r.Region });
    }
}
