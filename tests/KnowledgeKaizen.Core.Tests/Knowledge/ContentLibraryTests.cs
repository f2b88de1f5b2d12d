using KnowledgeKaizen.Core.Knowledge.Content;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeKaizen.Core.Tests.Knowledge;

public sealed class ContentLibraryTests : IDisposable
{
    private readonly KnowledgeTestDatabase database = new();
    private readonly TempFolder folder = new("content");

    private static string ShippedContent => RepoPaths.Content;

    [Fact]
    public async Task Import_ShippedLibrary_CreatesEveryDocumentPublished()
    {
        var report = await ImportAsync(ShippedContent);

        var files = Directory.GetFiles(ShippedContent, "*.md", SearchOption.AllDirectories).Count(f => Path.GetFileName(Path.GetDirectoryName(f)) != "content");
        Assert.DoesNotContain(report.Items, i => i.Outcome == ContentImportOutcome.Failed);
        Assert.Equal(files, report.Count(ContentImportOutcome.Created));
        await using var db = database.NewContext();
        Assert.All(await db.KnowledgeDocuments.ToListAsync(), d => Assert.Equal(DocumentStatus.Published, d.Status));
        var procedure = await db.KnowledgeDocuments.Include(d => d.Revisions).SingleAsync(d => d.Slug == "discovery-visit" && d.Language == "en");
        Assert.Equal(new DateOnly(2026, 1, 5), procedure.RevisionInForce(new DateOnly(2026, 11, 27))!.EffectiveDate);
        // Imported on 2026-11-27, long after it took effect: due for review 180 days after the import, not overdue.
        Assert.Equal(new DateOnly(2027, 5, 26), procedure.VerifyBy);
    }

    [Theory]
    [InlineData("2026-02-01", "2026-07-31")]
    [InlineData("2027-09-15", "2028-03-13")]
    public async Task Import_OnAnyDay_LeavesNothingOverdue_AndTheReviewDueAnIntervalAfterTheImport(string importDay, string due)
    {
        database.Clock.Now = new DateTimeOffset(DateOnly.Parse(importDay, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

        await ImportAsync(ShippedContent);

        await using var db = database.NewContext();
        var today = DateOnly.FromDateTime(database.Clock.Now.UtcDateTime);
        Assert.Empty(await new KnowledgeReader(db, database.Clock).OverdueAsync());
        var procedures = await db.KnowledgeDocuments.Include(d => d.Revisions).Where(d => d.Kind == DocumentKind.Procedure).ToListAsync();
        Assert.All(procedures, p => Assert.False(p.IsOverdue(today)));
        Assert.All(procedures, p => Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), p.VerifyBy));
        Assert.All(procedures, p => Assert.Equal(new DateOnly(2026, 1, 5), p.CurrentRevision.EffectiveDate));
    }

    [Fact]
    public async Task Import_PlaybookByARepWithoutAnAccount_NamesTheRep()
    {
        await using (var db = database.NewContext())
        {
            db.Reps.Add(new KnowledgeKaizen.Core.Crm.Rep("REP-001", "Li Na", "East Sales", "East", KnowledgeKaizen.Core.Crm.RepRole.Sales, "li.na@demo.kaizen"));
            await db.SaveChangesAsync();
        }

        await ImportAsync(ShippedContent);

        await using var check = database.NewContext();
        var playbook = await check.KnowledgeDocuments.SingleAsync(d => d.Slug == "two-visit-discovery" && d.Language == "en");
        Assert.Equal("Li Na", playbook.AuthorName);
        Assert.Null(playbook.AuthorUserId);
        var revision = await check.DocumentRevisions.FirstAsync(r => r.DocumentId == playbook.Id);
        Assert.Equal((Actor.ImporterName, KnowledgeDocument.ImportNote), (revision.EditorName, revision.ChangeNote));
    }

    [Fact]
    public async Task Import_Twice_LeavesEverythingUnchanged()
    {
        await ImportAsync(ShippedContent);

        var second = await ImportAsync(ShippedContent);

        Assert.All(second.Items, i => Assert.Equal(ContentImportOutcome.Unchanged, i.Outcome));
        await using var db = database.NewContext();
        Assert.Equal(await db.KnowledgeDocuments.CountAsync(), await db.DocumentRevisions.CountAsync());
    }

    [Fact]
    public async Task Import_ChangedFile_BecomesANewPublishedRevision()
    {
        CopyShippedTo(folder.Path);
        await ImportAsync(folder.Path);
        var path = folder.File("solutions", "slow-report-export.en.md");
        await File.AppendAllTextAsync(path, "\nOne more line.\n");

        var report = await ImportAsync(folder.Path);

        Assert.Equal(ContentImportOutcome.Updated, Assert.Single(report.Items, i => i.Path == "solutions/slow-report-export.en.md").Outcome);
        await using var db = database.NewContext();
        var document = await db.KnowledgeDocuments.Include(d => d.Revisions).SingleAsync(d => d.Slug == "slow-report-export" && d.Language == "en");
        Assert.Equal(2, document.PublishedRevisionNumber);
        Assert.EndsWith("One more line.\n", document.CurrentRevision.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidFiles_AreReportedPerFileAndTheRestImports()
    {
        CopyShippedTo(folder.Path);
        await File.WriteAllTextAsync(folder.File("playbooks", "broken-yaml.en.md"), "---\nkind: playbook\ntitle: [unclosed\n---\n\nBody\n");
        await File.WriteAllTextAsync(folder.File("playbooks", "no-front-matter.en.md"), "# Just a heading\n");
        await File.WriteAllTextAsync(folder.File("procedures", "wrong-name.en.md"),
            "---\nkind: procedure\nslug: other\nlanguage: en\ntitle: T\nsummary: S\nowner: O\neffective: 2026-01-01\nreview_interval_days: 30\nstages: []\ntags: []\n---\n\nx\n");
        await File.WriteAllTextAsync(folder.File("procedures", "bad-stage.en.md"),
            "---\nkind: procedure\nslug: bad-stage\nlanguage: en\ntitle: T\nsummary: S\nowner: O\neffective: 2026-01-01\nreview_interval_days: 30\nstages: [lunch]\ntags: []\n---\n\nx\n");

        var report = await ImportAsync(folder.Path);

        var failed = report.Items.Where(i => i.Outcome == ContentImportOutcome.Failed).ToDictionary(i => i.Path, i => i.Message);
        Assert.Equal(4, failed.Count);
        Assert.Contains("YAML", failed["playbooks/broken-yaml.en.md"], StringComparison.Ordinal);
        Assert.Contains("front matter", failed["playbooks/no-front-matter.en.md"], StringComparison.Ordinal);
        Assert.Contains("file name", failed["procedures/wrong-name.en.md"], StringComparison.Ordinal);
        Assert.Contains("lunch", failed["procedures/bad-stage.en.md"], StringComparison.Ordinal);
        Assert.True(report.Count(ContentImportOutcome.Created) >= 38);
    }

    [Fact]
    public async Task Export_ThenImportIntoFreshDatabase_ReproducesTheShippedFilesExactly()
    {
        await ImportAsync(ShippedContent);
        await using var db = database.NewContext();
        var files = await new ContentExporter(db, database.Clock).FilesAsync();

        foreach (var (path, text) in files)
        {
            var original = (await File.ReadAllTextAsync(Path.Combine(ShippedContent, path))).Replace("\r\n", "\n");
            Assert.True(original == text, $"{path} differs after export");
            var target = folder.File(path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, text);
        }

        using var fresh = new KnowledgeTestDatabase();
        await using var freshDb = fresh.NewContext();
        var report = await new ContentImporter(freshDb, fresh.Clock, NullLogger<ContentImporter>.Instance).ImportAsync(folder.Path);
        Assert.Equal(files.Count, report.Count(ContentImportOutcome.Created));
        var before = await Snapshot(db);
        var after = await Snapshot(freshDb);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task WriteZip_ContainsEveryPublishedDocumentInTheContentLayout()
    {
        await ImportAsync(ShippedContent);
        await using var db = database.NewContext();
        using var zip = new MemoryStream();

        await new ContentExporter(db, database.Clock).WriteZipAsync(zip);

        zip.Position = 0;
        using var archive = new System.IO.Compression.ZipArchive(zip);
        Assert.Contains(archive.Entries, e => e.FullName == "procedures/discovery-visit.zh.md");
        Assert.Equal(await db.KnowledgeDocuments.CountAsync(), archive.Entries.Count);
    }

    [Fact]
    public void Write_ValuesNeedingQuotes_RoundTrip()
    {
        var file = new ContentFile
        {
            Kind = DocumentKind.Solution, Slug = "x", Language = "en", Title = "Error: \"quoted\" #1", Body = "Body\n",
            Metadata = new DocumentMetadata { Summary = "- starts with dash", Tags = ["a, b", "true", "[x]"], Issue = "It says \\ and \"", Environment = "yes", Cause = "42" },
        };

        var parsed = ContentFile.Parse("solutions/x.en.md", file.Write());

        Assert.Equal(file.Title, parsed.Title);
        Assert.Equal(file.Metadata.Summary, parsed.Metadata.Summary);
        Assert.Equal(file.Metadata.Tags, parsed.Metadata.Tags);
        Assert.Equal(file.Metadata.Issue, parsed.Metadata.Issue);
        Assert.Equal("yes", parsed.Metadata.Environment);
        Assert.Equal("42", parsed.Metadata.Cause);
    }

    private static async Task<List<string>> Snapshot(KnowledgeKaizen.Core.Data.KnowledgeKaizenDbContext db)
    {
        var documents = await db.KnowledgeDocuments.AsNoTracking().Include(d => d.Revisions).OrderBy(d => d.Kind).ThenBy(d => d.Slug).ThenBy(d => d.Language).ToListAsync();
        return [.. documents.Select(d => string.Join("|", d.Kind, d.Slug, d.Language, d.Title, d.Summary, string.Join(",", d.Tags), string.Join(",", d.Stages),
            d.AuthorName, d.Owner, d.ReviewIntervalDays, string.Join(",", d.Improves), d.Issue, d.Environment, d.Cause, d.Status,
            d.CurrentRevision.Body, d.CurrentRevision.EffectiveDate))];
    }

    private async Task<ContentImportReport> ImportAsync(string root)
    {
        await using var db = database.NewContext();
        return await new ContentImporter(db, database.Clock, NullLogger<ContentImporter>.Instance).ImportAsync(root);
    }

    private static void CopyShippedTo(string target)
    {
        foreach (var file in Directory.GetFiles(ShippedContent, "*.md", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(ShippedContent, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    public void Dispose()
    {
        database.Dispose();
        folder.Dispose();
    }
}
