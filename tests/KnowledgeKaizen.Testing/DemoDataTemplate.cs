using KnowledgeKaizen.Core.Jobs;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// A data folder where a portal loaded the demo data (on the seed's own day, no retraining) and finished its start-up
/// jobs, made once per test process. Loading the demo data is most of a demo portal's start and gives the same
/// database every time, so each SQLite demo portal starts on a copy of this folder instead: its own start then finds the
/// data loaded, the content imported and the index built, as a restart of an installed portal does.
/// </summary>
internal static class DemoDataTemplate
{
    private static readonly Lazy<TempFolder> Folder = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the template's files into <paramref name="dataPath"/> (an empty folder).</summary>
    public static void CopyTo(string dataPath) => TempFolder.CopyTree(Folder.Value.Path, dataPath);

    private static TempFolder Build()
    {
        var folder = new TempFolder("demo-template");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        using (var portal = new TemplatePortal(folder.Path))
        {
            // The start-up jobs (the search index above all) finish before the files are copied.
            Eventually.TrueAsync("the demo portal's start-up jobs to finish", () => portal.WithDbAsync(async db =>
                await db.BackgroundJobs.AnyAsync() && await db.BackgroundJobs.AllAsync(j => j.Status == JobStatus.Succeeded || j.Status == JobStatus.Failed)),
                TimeSpan.FromMinutes(10))
                .GetAwaiter().GetResult();
        }

        // Closing the pooled connections checkpoints the write-ahead log into the database file.
        SqliteConnection.ClearAllPools();
        return folder;
    }

    private sealed class TemplatePortal(string dataPath) : UntrainedDemoDataPortalFactory(dataPath)
    {
        protected override bool StartsFromTheDemoTemplate => false;
    }
}
