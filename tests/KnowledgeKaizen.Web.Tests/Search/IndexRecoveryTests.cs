using System.Net;
using KnowledgeKaizen.Testing;
using Microsoft.Data.Sqlite;
using static KnowledgeKaizen.Web.Tests.Search.SearchTestContent;

namespace KnowledgeKaizen.Web.Tests.Search;

/// <summary>Stops the portal, damages or outdates its index, starts it again on the same data folder and expects search to recover.</summary>
public sealed class IndexRecoveryTests : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "kk-tests", "search-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    [InlineData("stale")]
    public async Task DamagedOrStaleIndex_IsRebuiltOnStart(string damage)
    {
        int id;
        using (var first = new SameFolderFactory(dataPath))
        {
            id = await CreateAsync(first, "Capybara escalation path", "Escalate capybara cases to tier two.");
            await WaitForAsync(await StaffAsync(first), "capybara", $"key={id}\"");
        }

        SqliteConnection.ClearAllPools();
        Damage(damage);

        using var second = new SameFolderFactory(dataPath);
        var staff = await StaffAsync(second);
        await WaitForAsync(staff, "capybara", $"key={id}\"", TimeSpan.FromSeconds(20));
        if (damage == "stale")
        {
            var contributor = await second.SignInAsync(AuthorEmail, PortalFactory.UserPassword);
            await WaitForAsync(contributor, "ocelot", "data-type=\"feedback\"", TimeSpan.FromSeconds(20));
        }
    }

    [Fact]
    public async Task Admin_RebuildsTheIndex_WithProgress_WhileSearchKeepsServing()
    {
        using var portal = new SameFolderFactory(dataPath);
        var id = await CreateAsync(portal, "Armadillo renewal guide", "Renew armadillo contracts early.");
        var staff = await StaffAsync(portal);
        await WaitForAsync(staff, "armadillo", $"key={id}\"");
        var admin = await portal.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var post = await PortalFactory.PostFormAsync(admin, "/Admin/SearchIndex?handler=Rebuild", new(), formPage: "/Admin/SearchIndex");
        var page = await admin.GetStringAsync("/Admin/SearchIndex");
        var jobUrl = System.Text.RegularExpressions.Regex.Match(page, "data-search-rebuild=\"([^\"]*)\"").Groups[1].Value;
        var during = await SearchHtmlAsync(staff, "armadillo");

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains($"key={id}\"", during, StringComparison.Ordinal);
        if (jobUrl.Length > 0)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            string json;
            do
            {
                json = await admin.GetStringAsync(jobUrl);
                await Task.Delay(200);
            }
            while (!json.Contains("\"finished\":true", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

            Assert.Contains("\"status\":\"Succeeded\"", json, StringComparison.Ordinal);
        }

        Assert.Contains("Succeeded", await admin.GetStringAsync("/Admin/SearchIndex"), StringComparison.Ordinal);
        await WaitForAsync(staff, "armadillo", $"key={id}\"");
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/Admin/SearchIndex")).StatusCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A handle still closing; the OS temp cleaner takes it.
        }
    }

    private void Damage(string damage)
    {
        var index = Path.Combine(dataPath, "index");
        switch (damage)
        {
            case "missing":
                Directory.Delete(index, recursive: true);
                break;
            case "corrupt":
                foreach (var file in Directory.EnumerateFiles(index, "*", SearchOption.AllDirectories))
                {
                    File.WriteAllText(file, "garbage");
                }

                break;
            default:
                // A row written behind the portal's back (a restored backup, a manual fix): no outbox entry.
                using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "knowledgekaizen.db")}"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "INSERT INTO Feedback (ExternalId, Channel, Type, Text, ReceivedAt) " +
                        "VALUES ('fb-stale-1', 'Email', 'Complaint', 'The ocelot plush toy arrived late.', '2026-01-05 10:00:00');";
                    command.ExecuteNonQuery();
                }

                break;
        }
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
