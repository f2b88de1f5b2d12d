using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeKaizen.Core.Knowledge;

internal sealed class KnowledgeDocumentConfiguration : IEntityTypeConfiguration<KnowledgeDocument>
{
    public void Configure(EntityTypeBuilder<KnowledgeDocument> builder)
    {
        builder.ToTable("KnowledgeDocuments");
        builder.HasIndex(d => new { d.Kind, d.Slug, d.Language }).IsUnique();
        builder.HasIndex(d => new { d.Kind, d.Status });
        builder.HasIndex(d => d.VerifyBy);
        builder.Property(d => d.Slug).HasMaxLength(100);
        builder.Property(d => d.Language).HasMaxLength(8);
        builder.Property(d => d.Title).HasMaxLength(KnowledgeDocument.MaxTitleLength);
        builder.Property(d => d.Summary).HasMaxLength(KnowledgeDocument.MaxSummaryLength);
        builder.Property(d => d.AuthorName).HasMaxLength(256);
        builder.Property(d => d.Owner).HasMaxLength(200);
        builder.Property(d => d.VerifierName).HasMaxLength(256);
        builder.Property(d => d.SourceHash).HasMaxLength(64);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasMany(d => d.Revisions).WithOne().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Revisions).HasField("revisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.ReviewComments).WithOne().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.ReviewComments).HasField("reviewComments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.Metadata);
        builder.Ignore(d => d.CurrentRevision);
    }
}

internal sealed class DocumentRevisionConfiguration : IEntityTypeConfiguration<DocumentRevision>
{
    public void Configure(EntityTypeBuilder<DocumentRevision> builder)
    {
        builder.ToTable("DocumentRevisions");
        builder.HasIndex(r => new { r.DocumentId, r.Number }).IsUnique();
        builder.Property(r => r.Title).HasMaxLength(KnowledgeDocument.MaxTitleLength);
        builder.Property(r => r.EditorName).HasMaxLength(256);
        builder.Property(r => r.ChangeNote).HasMaxLength(1000);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.ToTable("DocumentReviewComments");
        builder.Property(c => c.ReviewerName).HasMaxLength(256);
        builder.Property(c => c.Comment).HasMaxLength(4000);
    }
}

internal sealed class DocumentFeedbackConfiguration : IEntityTypeConfiguration<DocumentFeedback>
{
    public void Configure(EntityTypeBuilder<DocumentFeedback> builder)
    {
        builder.ToTable("DocumentFeedback");
        builder.HasIndex(f => new { f.DocumentId, f.UserId, f.Kind });
        builder.Property(f => f.Reason).HasMaxLength(1000);
        builder.HasOne<KnowledgeDocument>().WithMany().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
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

internal sealed class DraftAutosaveConfiguration : IEntityTypeConfiguration<DraftAutosave>
{
    public void Configure(EntityTypeBuilder<DraftAutosave> builder)
    {
        builder.ToTable("DraftAutosaves");
        builder.HasIndex(a => new { a.UserId, a.SlotKey }).IsUnique();
        builder.Property(a => a.SlotKey).HasMaxLength(64);
        builder.Property(a => a.Title).HasMaxLength(KnowledgeDocument.MaxTitleLength);
    }
}
