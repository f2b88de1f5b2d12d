using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Core.Knowledge;
using KnowledgeKaizen.Core.Markdown;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace KnowledgeKaizen.Search.Indexing.Tests;

/// <summary>A fresh in-memory SQLite database, an in-memory index and a clock the test moves.</summary>
public sealed class IndexingTestDatabase : IDisposable
{
    public const string ThisInstance = "node-a";

    private readonly SqliteConnection connection = new("DataSource=:memory:");

    public IndexingTestDatabase()
    {
        connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public LuceneSearchIndex Index { get; } = LuceneSearchIndex.CreateInMemory();

    /// <summary>This process's memory of what its indexes applied beyond their cursors (new for a restart).</summary>
    public SearchOutboxReads Reads { get; set; } = new();

    public static Actor Author { get; } = new("author-1", "Li Na", false);

    public KnowledgeKaizenDbContext NewContext() =>
        new(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>().UseSqlite(connection).Options, Clock);

    public SqliteSearchOutboxFeed Feed(KnowledgeKaizenDbContext db, string instance = ThisInstance) =>
        new(db, Reads, Options.Create(new SearchIndexingOptions { InstanceName = instance }), Clock);

    public SearchOutboxApplier Applier(KnowledgeKaizenDbContext db, string instance = ThisInstance) =>
        new(Feed(db, instance), Source(db), Index);

    public SearchDocumentSource Source(KnowledgeKaizenDbContext db) => new(db, new MarkdownRenderer(), Clock);

    /// <summary>A playbook draft saved through the knowledge service, so its outbox entry is the real one.</summary>
    public async Task<int> NewPlaybookAsync(string title, string body = "## Situation\n\nText.")
    {
        await using var db = NewContext();
        var document = await new KnowledgeService(db, Clock).CreateAsync(DocumentKind.Playbook, "en", null, title, body,
            new DocumentMetadata(), Author);
        return document.Id;
    }

    /// <summary>Appends outbox entries as any writer would.</summary>
    public async Task AppendAsync(int count, string type = SearchDocumentTypes.Feedback)
    {
        await using var db = NewContext();
        for (var i = 0; i < count; i++)
        {
            db.SearchOutbox.Add(new SearchOutboxEntry(type, $"key-{i}", deleted: false, Clock.GetUtcNow()));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A customer, an agent and one service case, resolved when a resolution is given.</summary>
    public async Task<ServiceCase> NewCaseAsync(string subject, string? resolution)
    {
        await using var db = NewContext();
        var customer = new Customer("C-1", "Acme", "Retail", "North", Clock.GetUtcNow().UtcDateTime);
        var agent = new Rep("A-1", "Zhao Lei", "Service", "North", RepRole.Service);
        db.AddRange(customer, agent);
        await db.SaveChangesAsync();
        var serviceCase = new ServiceCase("CASE-7", customer.Id, agent.Id, Clock.GetUtcNow().UtcDateTime, CaseChannel.Phone, "billing",
            CasePriority.Normal, subject, "The invoice shows the old price.");
        if (resolution is not null)
        {
            serviceCase.Resolve(Clock.GetUtcNow().UtcDateTime.AddHours(2), resolution);
        }

        db.ServiceCases.Add(serviceCase);
        await db.SaveChangesAsync();
        return serviceCase;
    }

    public void Dispose()
    {
        Index.Dispose();
        connection.Dispose();
    }
}
