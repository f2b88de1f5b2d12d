namespace KnowledgeKaizen.Core.Improvement;

/// <summary>
/// Something rolled out in Do. The title is a snapshot so a link to a deleted document or course still
/// reads sensibly ("no longer exists") instead of breaking the page.
/// </summary>
public class CycleLink
{
    private CycleLink()
    {
        Title = string.Empty;
    }

    internal CycleLink(CycleLinkKind kind, int targetId, string title, DateTime linkedAt)
    {
        Kind = kind;
        TargetId = targetId;
        Title = string.IsNullOrWhiteSpace(title) ? $"#{targetId}" : title.Trim()[..Math.Min(title.Trim().Length, 200)];
        LinkedAt = linkedAt;
    }

    public long Id { get; private set; }

    public int CycleId { get; private set; }

    public CycleLinkKind Kind { get; private set; }

    /// <summary>Knowledge document id (playbook or procedure) or course id.</summary>
    public int TargetId { get; private set; }

    public string Title { get; private set; }

    public DateTime LinkedAt { get; private set; }
}

internal sealed class CycleLinkConfiguration : IEntityTypeConfiguration<CycleLink>
{
    public void Configure(EntityTypeBuilder<CycleLink> builder)
    {
        builder.ToTable("ImprovementCycleLinks");
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(l => l.Title).HasMaxLength(200);
        builder.HasIndex(l => new { l.Kind, l.TargetId });
    }
}
