namespace KnowledgeKaizen.Core.Audit;

/// <summary>
/// One thing someone did — who, what, to what, when and from where — kept exactly as recorded: entries are added in the
/// transaction of the change they record and never changed; the retention purge removes old ones.
/// </summary>
public class AuditEntry : IAppendOnly
{
    public const int MaxTargetLength = 400;
    public const int MaxDetailLength = 2000;

    private AuditEntry()
    {
        Action = string.Empty;
        ActorName = string.Empty;
        Target = string.Empty;
    }

    internal AuditEntry(DateTimeOffset at, string action, string? actorUserId, string actorName, string target, string? detail, string? address)
    {
        At = at;
        Action = action;
        ActorUserId = actorUserId;
        ActorName = Cut(actorName, 256);
        Target = Cut(target, MaxTargetLength);
        Detail = string.IsNullOrWhiteSpace(detail) ? null : Cut(detail.Trim(), MaxDetailLength);
        Address = address is null ? null : Cut(address, 64);
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; }

    /// <summary>The account that acted; null for the system, a token or someone not signed in.</summary>
    public string? ActorUserId { get; private set; }

    /// <summary>Who acted, as named when it happened (a name, an e-mail, "token:ci", "system").</summary>
    public string ActorName { get; private set; }

    /// <summary>What it was done to, e.g. "Playbook #42 Discovery call" or "li.na@example.com".</summary>
    public string Target { get; private set; }

    public string? Detail { get; private set; }

    /// <summary>The client address of the request, when there was one.</summary>
    public string? Address { get; private set; }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Action, e.At });
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Target).HasMaxLength(AuditEntry.MaxTargetLength);
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        builder.Property(e => e.Address).HasMaxLength(64);
    }
}
