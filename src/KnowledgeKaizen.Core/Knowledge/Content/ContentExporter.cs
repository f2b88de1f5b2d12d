using System.IO.Compression;

namespace KnowledgeKaizen.Core.Knowledge.Content;

/// <summary>
/// Writes every published document (the revision in force) back in the content/ format, so the library can
/// be edited as files and re-imported. Drafts and archived documents are not part of the library.
/// </summary>
public sealed class ContentExporter(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    /// <summary>The files of the library, keyed by relative path ("procedures/x.en.md").</summary>
    public async Task<IReadOnlyList<(string Path, string Text)>> FilesAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var documents = await db.KnowledgeDocuments.AsNoTracking().Include(d => d.Revisions)
            .Where(d => d.PublishedRevisionNumber != null && d.Status != DocumentStatus.Archived)
            .OrderBy(d => d.Kind).ThenBy(d => d.Slug).ThenBy(d => d.Language).ToListAsync(ct);
        var authorIds = documents.Where(d => d.AuthorUserId != null).Select(d => d.AuthorUserId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        return [.. documents.Select(d =>
        {
            var revision = d.RevisionInForce(today) ?? d.Revision(d.PublishedRevisionNumber!.Value)!;
            var file = new ContentFile
            {
                Kind = d.Kind, Slug = d.Slug, Language = d.Language, Title = revision.Title, Metadata = d.Metadata, Body = revision.Body,
                Author = d.Kind == DocumentKind.Playbook ? (d.AuthorUserId is { } id ? emails.GetValueOrDefault(id) : null) ?? d.AuthorName : null,
                Effective = d.Kind == DocumentKind.Procedure ? revision.EffectiveDate ?? today : null,
            };
            return (file.RelativePath, file.Write());
        })];
    }

    /// <summary>A zip of the library in the content/ layout.</summary>
    public async Task WriteZipAsync(Stream output, CancellationToken ct = default)
    {
        var files = await FilesAsync(ct);
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (path, text) in files)
        {
            var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
            await using var stream = await entry.OpenAsync(ct);
            await stream.WriteAsync(new UTF8Encoding(false).GetBytes(text), ct);
        }
    }
}
