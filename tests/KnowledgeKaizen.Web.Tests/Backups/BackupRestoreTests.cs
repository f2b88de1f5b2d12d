using System.Collections.Concurrent;
using KnowledgeKaizen.Core.Backups;
using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Web.Backups;

namespace KnowledgeKaizen.Web.Tests.Backups;

/// <summary>
/// A backup taken from the Admin page while feedback posts and document saves keep coming in is one consistent moment:
/// restored from the command line into a fresh data folder, it holds every write acknowledged before the backup began,
/// only writes that were sent, the same rows as the backup's manifest, the same document texts as the portal and the
/// uploaded images; the restored portal starts on it.
/// </summary>
public sealed class BackupRestoreTests(BackupRestoreTests.KeepTwoFactory factory) : IClassFixture<BackupRestoreTests.KeepTwoFactory>
{
    /// <summary>A portal that keeps two backups.</summary>
    public sealed class KeepTwoFactory : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["KnowledgeKaizen:Backups:Keep"] = "2" };
    }

    private static readonly Actor Editor = new("backup-editor", "Backup Editor", true);

    [Fact]
    public async Task BackupTakenUnderWriteLoad_RestoresIntoAFreshFolder_WithTheAcknowledgedRowsAndTheSameTexts()
    {
        var image = ContentScenario.StoreImage(factory.Services);
        var documents = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            documents.Add(await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Playbook, $"Backup playbook {i}", $"First text {i}."));
        }

        var staff = await factory.EnsureUserAsync("backup-staff@test.local", Roles.Staff);
        var writer = Ingestion.IngestionFixture.TokenClient(factory, await Ingestion.IngestionFixture.CreateTokenAsync(factory, "backup-load"));
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var acknowledged = new ConcurrentBag<(string Text, DateTimeOffset At)>();
        var sent = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        // On threads of their own: SQLite's async calls complete synchronously, so a save loop would never give the test its thread back.
        var load = new List<Task>
        {
            Task.Run(() => PostFeedbackAsync(writer, "a", sent, acknowledged, stop.Token)),
            Task.Run(() => PostFeedbackAsync(writer, "b", sent, acknowledged, stop.Token)),
        };
        load.AddRange(documents.Select(id => Task.Run(() => SaveDocumentAsync(id, sent, acknowledged, stop.Token))));
        await Eventually.TrueAsync("writes to be acknowledged", () => acknowledged.Count >= 10);

        var post = await PortalFactory.PostFormAsync(admin, "/Admin/Backups?handler=Create", [], formPage: "/Admin/Backups");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var job = await Eventually.ThatAsync("the backup job to finish",
            () => factory.WithDbAsync(db => db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == BackupService.JobKind).OrderByDescending(j => j.QueuedAt).FirstOrDefaultAsync()),
            j => j is { IsFinished: true }, describe: j => j?.Status.ToString());
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Assert.Equal(JobStatus.Succeeded, job!.Status);

        // The file the page offers is the one in the data folder, byte for byte.
        var name = JsonDocument.Parse(job.Result!).RootElement.GetProperty("file").GetString()!;
        var page = await admin.GetStringAsync("/Admin/Backups");
        Assert.Contains(name, page, StringComparison.Ordinal);
        var downloaded = await admin.GetByteArrayAsync($"/Admin/Backups?handler=Download&name={Uri.EscapeDataString(name)}");
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(factory.DataPath, "backups", name)), downloaded);

        using var restored = new TempFolder("restored");
        var file = restored.File(name);
        await File.WriteAllBytesAsync(file, downloaded);
        using var output = new StringWriter();
        Assert.True(await RestoreCommand.RunAsync(["restore", file, $"--KnowledgeKaizen:DataPath={restored.File("data")}"], output) == 0, output.ToString());
        SqliteConnection.ClearAllPools();

        var restoredDb = restored.File("data", "knowledgekaizen.db");
        var texts = Strings(restoredDb, "SELECT Text FROM Feedback WHERE Text LIKE 'load %' UNION ALL SELECT Body FROM DocumentRevisions WHERE Body LIKE 'load %'");
        Assert.Superset(acknowledged.Where(a => a.At < job.StartedAt).Select(a => a.Text).ToHashSet(), texts.ToHashSet());
        Assert.Subset(sent.ToHashSet(), texts.ToHashSet());
        // The restore records itself in the audit log; every other table holds exactly what the backup counted.
        Assert.Equal([name], Strings(restoredDb, "SELECT Target FROM AuditEntries WHERE Action = 'backup-restored'"));
        var rows = Rows(restoredDb);
        rows["AuditEntries"]--;
        Assert.Equal(rows, ManifestRows(file));
        Assert.Equal(
            Strings(Path.Combine(factory.DataPath, "knowledgekaizen.db"), $"SELECT Id || ':' || Body FROM DocumentRevisions WHERE Id <= {Max(restoredDb, "DocumentRevisions")} ORDER BY Id"),
            Strings(restoredDb, "SELECT Id || ':' || Body FROM DocumentRevisions ORDER BY Id"));
        Assert.Equal(["ok"], Strings(restoredDb, "PRAGMA integrity_check"));
        Assert.Empty(Strings(restoredDb, "PRAGMA foreign_key_check"));
        var imageFile = Path.Combine("uploads", "knowledge", image.Split('/')[^1]);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(factory.DataPath, imageFile)), await File.ReadAllBytesAsync(restored.File("data", imageFile)));

        using var portal = new ExistingFolderPortalFactory(restored.File("data"));
        var reader = await portal.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        Assert.Contains("Backup playbook 0", await reader.GetStringAsync($"/Knowledge/Details/{documents[0]}"), StringComparison.Ordinal);
        Assert.Equal(staff, await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "backup-staff@test.local").Select(u => u.Id).SingleAsync()));
    }

    [Fact]
    public async Task NewestBackupsAreKept_AsConfigured()
    {
        using var scope = factory.Services.CreateScope();
        var backups = scope.ServiceProvider.GetRequiredService<BackupService>();
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            made.Add((await backups.CreateAsync("tests")).Name);
        }

        Assert.Equal(made.TakeLast(2).Reverse(), backups.List().Select(b => b.Name).Take(2));
        Assert.Equal(2, backups.List().Count);
        Assert.Null(backups.OpenRead("../knowledgekaizen.db"));
    }

    [Fact]
    public async Task Restore_RefusesAFolderWithADatabase_AndAFileThatIsNoBackup()
    {
        using var folder = new TempFolder("restore-refused");
        var notABackup = folder.File("notes.zip");
        await File.WriteAllTextAsync(notABackup, "just text");
        using var output = new StringWriter();
        _ = factory.Services; // the portal has started, so its folder holds a database whichever test ran first

        Assert.Equal(1, await RestoreCommand.RunAsync(["restore", notABackup, $"--KnowledgeKaizen:DataPath={folder.File("fresh")}"], output));
        Assert.Equal(1, await RestoreCommand.RunAsync(["restore", notABackup, $"--KnowledgeKaizen:DataPath={factory.DataPath}"], output));

        var said = output.ToString();
        Assert.Contains("is not a KnowledgeKaizen backup", said, StringComparison.Ordinal);
        Assert.Contains("already holds a database", said, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("fresh", "knowledgekaizen.db")));
    }

    private static async Task PostFeedbackAsync(HttpClient client, string name, ConcurrentBag<string> sent, ConcurrentBag<(string, DateTimeOffset)> acknowledged,
        CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var text = $"load {name} {i}";
            sent.Add(text);
            var response = await client.PostAsJsonAsync("/api/v1/feedback", new { channel = "web", type = "suggestion", text }, CancellationToken.None);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            acknowledged.Add((text, DateTimeOffset.UtcNow));
        }
    }

    private async Task SaveDocumentAsync(int id, ConcurrentBag<string> sent, ConcurrentBag<(string, DateTimeOffset)> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            using var scope = factory.Services.CreateScope();
            var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeService>();
            var document = (await knowledge.FindAsync(id, Editor))!;
            var body = $"load document {id} save {i}";
            sent.Add(body);
            var outcome = await knowledge.SaveAsync(id, document.Version, document.Title, body, new DocumentMetadata { Stages = ["propose"], Owner = "Sales" },
                null, Editor, CancellationToken.None);
            Assert.Equal(SaveStatus.Saved, outcome.Status);
            acknowledged.Add((body, DateTimeOffset.UtcNow));
        }
    }

    private static SortedDictionary<string, long> ManifestRows(string backup)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(backup);
        using var manifest = zip.GetEntry("backup.json")!.Open();
        return new SortedDictionary<string, long>(JsonSerializer.Deserialize<BackupManifest>(manifest, new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            .Rows.ToDictionary(r => r.Key, r => r.Value), StringComparer.Ordinal);
    }

    /// <summary>Rows per table.</summary>
    private static SortedDictionary<string, long> Rows(string database)
    {
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Strings(database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"))
        {
            rows[table] = long.Parse(Strings(database, $"SELECT COUNT(*) FROM \"{table}\"")[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        return rows;
    }

    private static long Max(string database, string table) =>
        long.Parse(Strings(database, $"SELECT COALESCE(MAX(Id), 0) FROM \"{table}\"")[0], System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Strings(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
