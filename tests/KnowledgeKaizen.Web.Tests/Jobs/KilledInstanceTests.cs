using KnowledgeKaizen.Web.Tests.Ingestion;
using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Jobs;

/// <summary>
/// Two portal processes on one PostgreSQL database (a cluster of two instances): the one running a background import is
/// killed with SIGKILL mid-apply (held there by the crash-test setting <c>KnowledgeKaizen:Imports:HoldAt</c>, which only it
/// has). Meanwhile the other shows the import's progress from the job row; after the kill it takes the job over (Quartz
/// recovery), runs the import again from its file — the killed apply's one transaction was rolled back, so nothing of it
/// counted — and the job record ends Succeeded with every row applied once.
/// </summary>
public sealed class KilledInstanceTests(KilledImportTemplates templates) : IClassFixture<KilledImportTemplates>
{
    private const int Rows = 3000;

    [Fact]
    public async Task InstanceKilledWhileRunningAnImport_TheOtherRunsItAgain_AndTheJobEndsSucceeded()
    {
        using var install = await templates.CopyAsync(DatabaseProvider.PostgreSql);
        var token = await install.ReadAsync(db => new ApiTokenAdministration(db, TimeProvider.System).CreateAsync("crm", "tests", CancellationToken.None));
        var marker = install.Folder.File("held");

        await using var held = await PortalProcess.ServeAsync(PortalProcess.WebAssembly, install.Data, Instance(install, "a", new()
        {
            ["KnowledgeKaizen:Imports:HoldAt"] = nameof(ImportPhase.Applying),
            ["KnowledgeKaizen:Imports:HoldMarker"] = marker,
        }));
        using var first = Client(held, token);
        var accepted = await first.PostAsync("/api/v1/imports/stage-history?background=true",
            new StringContent(ImportInstall.CsvOf(Rows, "2024-01-12", "k"), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var jobUrl = accepted.Headers.Location!.OriginalString;
        await Eventually.TrueAsync($"the import to reach Applying and write {marker}", () =>
            File.Exists(marker) ? true : held.HasExited ? throw new InvalidOperationException("The portal ended first:\n" + held.Output) : false);

        // Started only now, so the held instance is the one running the job.
        await using var other = await PortalProcess.ServeAsync(PortalProcess.WebAssembly, install.Data, Instance(install, "b", []));
        using var second = Client(other, token);
        var seen = await JsonAsync(await second.GetAsync(jobUrl));
        Assert.Equal("Running", seen.GetProperty("status").GetString());
        Assert.Contains(seen.GetProperty("phase").GetString(), new[] { "reading", "applying" });

        await held.KillAsync();
        var job = await Eventually.ThatAsync("the other instance to run the import again", async () => await JsonAsync(await second.GetAsync(jobUrl)),
            j => j.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(3), j => j.ToString() + "\n" + other.Output);

        Assert.Equal(("Succeeded", "Succeeded"), (job.GetProperty("status").GetString(), job.GetProperty("importStatus").GetString()));
        var record = Assert.Single(await install.ReadAsync(db => db.Imports.AsNoTracking().Where(r => r.FileName == "stage-history.csv").ToListAsync()));
        Assert.Equal((ImportStatus.Succeeded, (long)Rows - KilledImportTemplates.Earlier, (long)KilledImportTemplates.Earlier),
            (record.Status, record.Inserted, record.Updated));
        Assert.Equal(Rows, await install.ReadAsync(db => db.StageHistory.CountAsync(s => s.ExternalId.StartsWith("k")
            && s.LeftAt == new DateTime(2024, 1, 12, 0, 0, 0, DateTimeKind.Utc))));
    }

    /// <summary>One instance's settings: the shared installation, a search index of its own, the cluster's test intervals.</summary>
    private static Dictionary<string, string?> Instance(ImportInstall install, string name, Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>(install.Settings)
        {
            ["KnowledgeKaizen:LoadDemoData"] = "false",
            ["KnowledgeKaizen:ContentPath"] = RepoPaths.Content,
            ["KnowledgeKaizen:AdminEmail"] = PortalFactory.AdminEmail,
            ["KnowledgeKaizen:Backups:DailyAt"] = string.Empty,
            ["Search:IndexPath"] = install.Folder.File("index-" + name),
        };
        foreach (var (key, value) in ClusterFixture.FastCluster.Concat(extra))
        {
            settings[key] = value;
        }

        return settings;
    }

    private static HttpClient Client(PortalProcess portal, string token)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
