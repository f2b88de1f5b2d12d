using System.Security.Cryptography;

namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>One saved state of a document's text. Every save adds one; revisions are never changed.</summary>
public class DocumentRevision
{
    private DocumentRevision()
    {
        Title = string.Empty;
        Body = string.Empty;
        EditorName = string.Empty;
        ContentHash = string.Empty;
    }

    internal DocumentRevision(int number, string title, string body, string? editorUserId, string editorName, string? changeNote, DateTimeOffset savedAt)
    {
        Number = number;
        Title = title;
        Body = body;
        EditorUserId = editorUserId;
        EditorName = editorName;
        ChangeNote = string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim();
        SavedAt = savedAt;
        ContentHash = Hash(title + "\n" + body);
    }

    public int Id { get; private set; }

    public int DocumentId { get; private set; }

    /// <summary>1, 2, 3… within the document.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public string? EditorUserId { get; private set; }

    public string EditorName { get; private set; }

    public string? ChangeNote { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    /// <summary>SHA-256 of title and body; equal hashes mean equal text.</summary>
    public string ContentHash { get; private set; }

    /// <summary>Procedures: the date this revision takes effect once approved.</summary>
    public DateOnly? EffectiveDate { get; private set; }

    internal void TakeEffect(DateOnly effective) => EffectiveDate = effective;

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
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
