namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>A service case the solution article resolved. The number of links is the article's reuse.</summary>
public class SolutionCaseLink
{
    private SolutionCaseLink()
    {
        CaseKey = string.Empty;
        LinkedBy = string.Empty;
    }

    public SolutionCaseLink(int documentId, string caseKey, string linkedBy, DateTimeOffset at)
    {
        DocumentId = documentId;
        CaseKey = caseKey;
        LinkedBy = linkedBy;
        LinkedAt = at;
    }

    public long Id { get; private set; }

    public int DocumentId { get; private set; }

    /// <summary>The case's id or external number as text; the case entity lives in another module.</summary>
    public string CaseKey { get; private set; }

    public string LinkedBy { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }
}

internal sealed class SolutionCaseLinkConfiguration : IEntityTypeConfiguration<SolutionCaseLink>
{
    public void Configure(EntityTypeBuilder<SolutionCaseLink> builder)
    {
        builder.ToTable("SolutionCaseLinks");
        builder.HasIndex(l => new { l.DocumentId, l.CaseKey }).IsUnique();
        builder.HasIndex(l => l.CaseKey);
        builder.Property(l => l.CaseKey).HasMaxLength(64);
        builder.HasOne<KnowledgeDocument>().WithMany().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
