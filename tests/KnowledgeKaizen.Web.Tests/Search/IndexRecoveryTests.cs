using KnowledgeKaizen.Search.Indexing;
using static KnowledgeKaizen.Web.Tests.Search.SearchTestContent;

namespace KnowledgeKaizen.Web.Tests.Search;

/// <summary>Stops the portal, damages or outdates its index, starts it again on the same data folder and expects search to recover.</summary>
public sealed class IndexRecoveryTests : IDisposable
{
    private readonly TempFolder data = new("index-recovery");

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    public async Task MissingOrCorruptIndex_IsRebuiltOnStart(string damage)
    {
        var id = await IndexedDocumentInAStoppedPortalAsync("Capybara escalation path", "Escalate capybara cases to tier two.", "capybara");
        Damage(damage);

        using var second = new SameFolderFactory(data.Path);
        await FoundAsync(second, await StaffAsync(second), "capybara", id);
    }

    [Fact]
    public async Task StaleIndex_IsRebuiltOnStart_WithRowsWrittenBehindThePortalsBack()
    {
        var id = await IndexedDocumentInAStoppedPortalAsync("Okapi escalation path", "Escalate okapi cases to tier two.", "okapi");
        WriteFeedbackBehindThePortalsBack("The ocelot plush toy arrived late.");

        using var second = new SameFolderFactory(data.Path);
        await FoundAsync(second, await StaffAsync(second), "okapi", id);
        await FeedbackFoundAsync(second, await second.SignInAsync(AuthorEmail, PortalFactory.UserPassword), "ocelot");
    }

    [Fact]
    public async Task Admin_RebuildsTheIndex_WithProgress_WhileSearchKeepsServing()
    {
        using var portal = new SameFolderFactory(data.Path);
        var id = await CreateAsync(portal, "Armadillo renewal guide", "Renew armadillo contracts early.");
        var staff = await StaffAsync(portal);
        await FoundAsync(portal, staff, "armadillo", id);
        var admin = await portal.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var post = await PortalFactory.PostFormAsync(admin, "/Admin/SearchIndex?handler=Rebuild", new(), formPage: "/Admin/SearchIndex");
        var during = await SearchHtmlAsync(staff, "armadillo");
        // The rebuild this request queued (or joined): the latest one, whether it is still running or not.
        var kind = SearchIndexMaintenance.JobKindOf(portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SearchIndexingOptions>>().Value);
        var job = await portal.WithDbAsync(db => db.BackgroundJobs.AsNoTracking()
            .Where(j => j.Kind == kind).OrderByDescending(j => j.QueuedAt).FirstAsync());
        var progress = await Eventually.ThatAsync($"rebuild job {job.Id} to finish",
            async () => JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/search/rebuild/{job.Id}")).RootElement,
            json => json.GetProperty("finished").GetBoolean());

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains(LinkTo(id), during, StringComparison.Ordinal);
        Assert.Equal("Succeeded", progress.GetProperty("status").GetString());
        Assert.Equal(1, progress.GetProperty("progress").GetDouble());
        Assert.Contains("Succeeded", await admin.GetStringAsync("/Admin/SearchIndex"), StringComparison.Ordinal);
        await FoundAsync(portal, staff, "armadillo", id);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/Admin/SearchIndex")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/search/rebuild/{job.Id}")).StatusCode);
    }

    /// <summary>A published document, indexed by a portal on this test's data folder that is then stopped.</summary>
    private async Task<int> IndexedDocumentInAStoppedPortalAsync(string title, string body, string query)
    {
        using var first = new SameFolderFactory(data.Path);
        var id = await CreateAsync(first, title, body);
        await IndexedAsync(first, query, id);
        return id;
    }

    public void Dispose() => data.Dispose();

    private void Damage(string damage)
    {
        SqliteConnection.ClearAllPools();
        var index = data.File("index");
        if (damage == "missing")
        {
            Directory.Delete(index, recursive: true);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(index, "*", SearchOption.AllDirectories))
        {
            File.WriteAllText(file, "garbage");
        }
    }

    /// <summary>A row written behind the portal's back (a restored backup, a manual fix): no outbox entry.</summary>
    private void WriteFeedbackBehindThePortalsBack(string text)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={data.File("knowledgekaizen.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO Feedback (ExternalId, Channel, Type, Text, ReceivedAt) " +
            "VALUES ('fb-stale-1', 'Email', 'Complaint', $text, '2026-01-05 10:00:00');";
        command.Parameters.AddWithValue("$text", text);
        command.ExecuteNonQuery();
    }

    private static async Task<HttpClient> StaffAsync(PortalFactory portal)
    {
        await EnsureUsersAsync(portal);
        return await portal.SignInAsync(StaffEmail, PortalFactory.UserPassword);
    }

    /// <summary>A portal on a given data folder, so a second instance starts on what the first one left.</summary>
    private sealed class SameFolderFactory(string dataPath) : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:DataPath"] = dataPath,
        };
    }
}
