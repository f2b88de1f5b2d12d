namespace KnowledgeKaizen.Core.Tests.Indexing;

public sealed class SearchOutboxTests : IDisposable
{
    private readonly KnowledgeTestDatabase database = new();

    [Fact]
    public async Task NewDocument_RecordsItsOutboxEntry_WithTheKeyTheInsertAssigned()
    {
        var id = await database.NewPlaybookAsync();
        await using var db = database.NewContext();
        var entries = await db.SearchOutbox.AsNoTracking().ToListAsync();
        Assert.Contains(entries, e => e.DocumentType == "playbook" && e.DocumentKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && !e.Deleted);
        Assert.DoesNotContain(entries, e => e.DocumentKey == "0");
    }

    [Fact]
    public async Task FailedSave_LeavesNoOutboxEntryBehind()
    {
        await using var db = database.NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await database.Service(db).CreateAsync(Core.Knowledge.DocumentKind.Playbook, "en", null, "Rolled back", "x",
                new Core.Knowledge.DocumentMetadata(), KnowledgeTestDatabase.Author);
            await transaction.RollbackAsync();
        }

        await using var check = database.NewContext();
        Assert.Empty(await check.SearchOutbox.ToListAsync());
        Assert.Empty(await check.KnowledgeDocuments.ToListAsync());
    }

    public void Dispose() => database.Dispose();
}
