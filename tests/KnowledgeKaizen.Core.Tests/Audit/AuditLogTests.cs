using KnowledgeKaizen.Core.Audit;
using KnowledgeKaizen.Core.Backups;
using KnowledgeKaizen.Core.Events;
using Microsoft.Extensions.Configuration;

namespace KnowledgeKaizen.Core.Tests.Audit;

/// <summary>
/// The audit log is written by the events of the changes it records, in their save: an entry exists exactly when its
/// change does. Entries are never changed; only the retention purge removes them.
/// </summary>
public sealed class AuditLogTests : IDisposable
{
    private static readonly Actor Writer = new("writer-9", "Mei Ling", false);
    private static readonly Actor Reviewer = new("reviewer-9", "Tomás Ruiz", true);
    private readonly ManualClock clock = new(new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryServices services;

    public AuditLogTests() => services = new(s => s
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:Audit:RetentionDays"] = "30",
        }).Build())
        .AddSingleton<TimeProvider>(clock)
        .AddAuditLog()
        .AddLogging());

    [Fact]
    public async Task Approval_IsRecordedWithItsReviewerRevisionAndComment()
    {
        var id = await SubmittedPlaybookAsync("Price anchoring");

        await WithServiceAsync(s => s.ApproveAsync(id, 1, "Numbers check out.", null, Reviewer));

        var entry = Assert.Single(await EntriesAsync(AuditActions.DocumentApproved));
        Assert.Equal("Tomás Ruiz", entry.ActorName);
        Assert.Equal("reviewer-9", entry.ActorUserId);
        Assert.Equal($"Playbook #{id} Price anchoring", entry.Target);
        Assert.Equal("revision 1: Numbers check out.", entry.Detail);
        Assert.Equal(clock.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task RefusedApproval_LeavesNoEntry()
    {
        var id = await SubmittedPlaybookAsync("Late edit");
        await WithServiceAsync(async s =>
        {
            var document = (await s.FindAsync(id, Writer))!;
            await s.SaveAsync(id, document.Version, "Late edit", "changed after submitting", document.Metadata, null, Writer);
        });

        await Assert.ThrowsAsync<KnowledgeRuleException>(() => WithServiceAsync(s => s.ApproveAsync(id, 1, null, null, Reviewer)));

        Assert.Empty(await EntriesAsync(AuditActions.DocumentApproved));
    }

    [Fact]
    public async Task Entries_CannotBeChangedOrDeletedThroughTheContext()
    {
        await RecordAsync(new DataExported("funnel.csv"));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var entry = await db.AuditEntries.SingleAsync();

        db.AuditEntries.Remove(entry);
        var deleting = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.Entry(entry).State = EntityState.Modified;
        var changing = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("only ever added", deleting.Message, StringComparison.Ordinal);
        Assert.Contains("change", changing.Message, StringComparison.Ordinal);
        Assert.Single(await EntriesAsync(AuditActions.Exported));
    }

    [Fact]
    public async Task RetentionPurge_DeletesOnlyEntriesOlderThanTheConfiguredDays()
    {
        foreach (var daysAgo in new[] { 45, 31, 29, 1 })
        {
            clock.Now = new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.Zero).AddDays(-daysAgo);
            await RecordAsync(new DataExported($"{daysAgo} days ago"));
        }

        clock.Now = new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.Zero);
        await using var scope = services.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<AuditRetention>().PurgeAsync();

        Assert.Equal(2, purged);
        Assert.Equal(["1 days ago", "29 days ago"], (await EntriesAsync(AuditActions.Exported)).Select(e => e.Target).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_FiltersByWhoActionTargetAndTime_PageByPage()
    {
        for (var i = 0; i < 120; i++)
        {
            clock.Now += TimeSpan.FromMinutes(1);
            await RecordAsync(new DataExported(i % 3 == 0 ? $"funnel-{i}.csv" : $"service-{i}.csv"));
        }

        await using var scope = services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var funnel = await log.SearchAsync(new AuditQuery(Action: AuditActions.Exported, Target: "funnel"), 1);
        var secondPage = await log.SearchAsync(new AuditQuery(), 2);
        var lastHour = await log.SearchAsync(new AuditQuery(From: clock.GetUtcNow().AddMinutes(-9)), 1);
        var nobody = await log.SearchAsync(new AuditQuery(Who: "someone else"), 1);

        Assert.Equal(40, funnel.Total);
        Assert.All(funnel.Entries, e => Assert.StartsWith("funnel-", e.Target, StringComparison.Ordinal));
        Assert.Equal(3, secondPage.Pages);
        Assert.Equal("funnel-69.csv", secondPage.Entries[0].Target);
        Assert.Equal(10, lastHour.Total);
        Assert.Equal(0, nobody.Total);
    }

    [Fact]
    public async Task CsvExport_IsFormulaSafe_AndRecordsItself()
    {
        await RecordAsync(new DataExported("=HYPERLINK(\"https://evil.example\",\"x\")"));
        await using var scope = services.CreateAsyncScope();

        var csv = System.Text.Encoding.UTF8.GetString(await scope.ServiceProvider.GetRequiredService<AuditLog>().ExportAsync(new AuditQuery()));

        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains(await EntriesAsync(AuditActions.Exported), e => e.Target == "Audit log (1 entries)");
    }

    [Fact]
    public async Task Backups_TakenAndRestored_AreRecordedWithWhoAndWhich()
    {
        var taken = new DateTimeOffset(2027, 5, 9, 2, 0, 5, TimeSpan.FromHours(8));
        await RecordAsync(new BackupCreated("knowledgekaizen-20270509-180005.zip", 1_234_567, "ops@kaizen.test", taken));
        await RecordAsync(new BackupCreated("knowledgekaizen-20270510-020000.zip", 42, null, clock.GetUtcNow()));
        await RecordAsync(new BackupRestored("knowledgekaizen-20270509-180005.zip", taken, "root", clock.GetUtcNow()));

        var created = (await EntriesAsync(AuditActions.BackupCreated)).OrderBy(e => e.Id).ToList();
        var restored = Assert.Single(await EntriesAsync(AuditActions.BackupRestored));

        Assert.Equal(("ops@kaizen.test", "knowledgekaizen-20270509-180005.zip", "1,234,567 bytes"), (created[0].ActorName, created[0].Target, created[0].Detail));
        Assert.Equal("system", created[1].ActorName);
        Assert.Equal(("root", "taken 2027-05-08 18:00:05 UTC"), (restored.ActorName, restored.Detail));
    }

    public void Dispose() => services.Dispose();

    private async Task<int> SubmittedPlaybookAsync(string title)
    {
        var id = 0;
        await WithServiceAsync(async s =>
        {
            var document = await s.CreateAsync(DocumentKind.Playbook, "en", null, title, "## What I do\n\nAnchor high.\n", new DocumentMetadata(), Writer);
            await s.SubmitAsync(document.Id, Writer);
            id = document.Id;
        });
        return id;
    }

    private async Task WithServiceAsync(Func<KnowledgeService, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await work(new KnowledgeService(scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>(), clock));
    }

    private async Task RecordAsync(IDomainEvent happened)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(happened);
    }

    private async Task<List<AuditEntry>> EntriesAsync(string action)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync();
    }
}
