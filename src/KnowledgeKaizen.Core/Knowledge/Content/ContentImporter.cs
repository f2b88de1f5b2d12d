namespace KnowledgeKaizen.Core.Knowledge.Content;

/// <summary>
/// Imports the content/ library idempotently: a document is identified by (kind, slug, language); a file
/// whose hash matches the last import is skipped, a changed file becomes a new published revision. Each
/// file is saved on its own, so an invalid file is reported and the others still import.
/// </summary>
public sealed class ContentImporter(KnowledgeKaizenDbContext db, TimeProvider clock, ILogger<ContentImporter> logger)
{
    private static readonly string[] Folders = ["procedures", "playbooks", "solutions"];

    public async Task<ContentImportReport> ImportAsync(string root, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (!Directory.Exists(root))
        {
            return new ContentImportReport(now, root, [], $"The content folder '{root}' does not exist.");
        }

        var items = new List<ContentImportItem>();
        foreach (var folder in Folders)
        {
            var directory = Path.Combine(root, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
            {
                var relative = $"{folder}/{Path.GetFileName(path)}";
                items.Add(await ImportFileAsync(relative, await File.ReadAllTextAsync(path, ct), ct));
            }
        }

        var report = new ContentImportReport(now, root, items);
        logger.LogInformation("Content import from {Root}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Failed} failed",
            root, report.Count(ContentImportOutcome.Created), report.Count(ContentImportOutcome.Updated),
            report.Count(ContentImportOutcome.Unchanged), report.Count(ContentImportOutcome.Failed));
        return report;
    }

    /// <summary>Imports one file's text; never throws for bad content, it reports it.</summary>
    public async Task<ContentImportItem> ImportFileAsync(string relativePath, string text, CancellationToken ct = default)
    {
        try
        {
            var file = ContentFile.Parse(relativePath, text);
            var outcome = await ApplyAsync(file, DocumentRevision.Hash(text.Replace("\r\n", "\n")), ct);
            return new ContentImportItem(relativePath, outcome);
        }
        catch (Exception ex) when (ex is FormatException or KnowledgeRuleException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var reason = ex is KnowledgeRuleException rule ? rule.FormattedMessage : ex.Message;
            logger.LogWarning("Content file {Path} was not imported: {Reason}", relativePath, reason);
            return new ContentImportItem(relativePath, ContentImportOutcome.Failed, reason);
        }
    }

    private async Task<ContentImportOutcome> ApplyAsync(ContentFile file, string hash, CancellationToken ct)
    {
        var document = await db.KnowledgeDocuments.Include(d => d.Revisions)
            .FirstOrDefaultAsync(d => d.Kind == file.Kind && d.Slug == file.Slug && d.Language == file.Language, ct);
        if (document?.SourceHash == hash)
        {
            return ContentImportOutcome.Unchanged;
        }

        var now = clock.GetUtcNow();
        var (authorId, authorName) = await AuthorAsync(file, ct);
        var created = document is null;
        if (document is null)
        {
            document = KnowledgeDocument.CreateDraft(file.Kind, file.Slug, file.Language, file.Title, file.Body, file.Metadata,
                Actor.Importer, now, authorName);
            db.KnowledgeDocuments.Add(document);
        }

        document.SetAuthor(authorId, authorName);
        document.ApplyImport(file.Title, file.Body, file.Metadata, file.Effective ?? DateOnly.FromDateTime(now.UtcDateTime), hash, now);
        await db.SaveChangesAsync(ct);
        return created ? ContentImportOutcome.Created : ContentImportOutcome.Updated;
    }

    /// <summary>
    /// Playbook authors are e-mails: linked to the account when one exists and named after it, else named after the CRM
    /// rep with that e-mail; only an address nobody is known by stays as it is.
    /// </summary>
    private async Task<(string? Id, string Name)> AuthorAsync(ContentFile file, CancellationToken ct)
    {
        if (file.Author is null)
        {
            return (null, file.Metadata.Owner ?? Actor.Importer.Name);
        }

        var normalized = file.Author.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is not null)
        {
            return (user.Id, user.Name);
        }

        var lower = file.Author.ToLowerInvariant();
        var rep = await db.Reps.AsNoTracking().Where(r => r.Email != null && r.Email.ToLower() == lower).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return (null, rep ?? file.Author);
    }
}
