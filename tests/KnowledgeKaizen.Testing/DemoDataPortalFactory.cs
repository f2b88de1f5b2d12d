using System.Text.Json;
using KnowledgeKaizen.Core.PerformerDetection;
using Microsoft.AspNetCore.Hosting;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// The portal with the demo CRM data (seed/data, loaded by the app's own demo-data loader) and a small, fast
/// expected-outcome model (LightGbm only, three folds, few trees), so the first-start retraining of the ~43k
/// demo stage entries takes seconds. The scheduler is slowed down so tests decide when to retrain.
/// </summary>
public class DemoDataPortalFactory : PortalFactory
{
    /// <summary>Retraining on a busy machine may take minutes (over five at load average 60); a quiet one needs seconds.</summary>
    private static readonly TimeSpan RetrainingDeadline = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, string?> FastModel = new()
    {
        ["Insights:ExpectedOutcome:Trainers:0"] = "LightGbm",
        ["Insights:ExpectedOutcome:FoldCount"] = "3",
        ["Insights:ExpectedOutcome:NumberOfTrees"] = "60",
        ["Insights:ExpectedOutcome:NumberOfLeaves"] = "15",
        ["Insights:ExpectedOutcome:MinimumExampleCountPerLeaf"] = "40",
        ["Insights:SchedulerPollInterval"] = "01:00:00",
    };

    /// <summary>
    /// The day after the seed's last day (2026-10-31): the loader then moves no date, so tests compare the pages with the
    /// seed files as they are. A subclass picks another "today" to see the data move. The portal's clock starts here and
    /// runs, so what happens later in a test is later (a stopped clock would make an import no newer than a retraining).
    /// </summary>
    public static readonly DateTimeOffset SeedToday = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A portal on a new, empty data folder of its own.</summary>
    public DemoDataPortalFactory()
    {
    }

    /// <summary>A portal on a data folder the caller owns.</summary>
    protected DemoDataPortalFactory(string dataPath)
        : base(dataPath)
    {
    }

    /// <summary>False for an empty install with the same model settings.</summary>
    protected virtual bool LoadsDemoData => true;

    /// <summary>
    /// True: the portal starts on a copy of the process's <see cref="DemoDataTemplate"/> (SQLite, the seed's own day)
    /// instead of loading the demo data itself. A portal on another day loads its own, whose dates move with that day.
    /// </summary>
    protected virtual bool StartsFromTheDemoTemplate => LoadsDemoData && Provider == DatabaseProvider.Sqlite;

    /// <summary>False: no retraining at start, the costliest part of a demo portal's start (it runs in the background).</summary>
    protected virtual bool RetrainsAtStart => true;

    protected override TimeProvider? Clock { get; } = new RunningClock(SeedToday);

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(FastModel) { ["Insights:RetrainAtStart"] = RetrainsAtStart ? "true" : "false" };
            if (LoadsDemoData)
            {
                settings["KnowledgeKaizen:LoadDemoData"] = "true";
                settings["KnowledgeKaizen:SeedPath"] = RepoPaths.SeedData;
            }

            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Only into an empty folder: a factory derived with WithWebHostBuilder configures the same folder again.
        if (StartsFromTheDemoTemplate && !Directory.EnumerateFileSystemEntries(DataPath).Any())
        {
            DemoDataTemplate.CopyTo(DataPath);
        }

        base.ConfigureWebHost(builder);
    }

    /// <summary>Waits for the first-start retraining (it runs in the background job worker) to leave a snapshot.</summary>
    public Task<FindingSnapshot> SnapshotAsync() =>
        Eventually.NotNullAsync("the first-start retraining to store a performance snapshot",
            () => WithDbAsync(db => db.FindingSnapshots.AsNoTracking().OrderByDescending(s => s.Id).FirstOrDefaultAsync()),
            RetrainingDeadline);

    /// <summary>(rep external id, stage) of the planted standouts in seed/data/planted-truth.json.</summary>
    public static IReadOnlyList<(string Rep, string Stage)> PlantedStandouts()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SeedData, "planted-truth.json")));
        return [.. truth.RootElement.GetProperty("standouts").EnumerateArray().Select(s => (s.GetProperty("rep_id").GetString()!, s.GetProperty("stage").GetString()!))];
    }
}

/// <summary>The demo portal without its retraining at start, for tests that read the CRM data and figures, not findings.</summary>
public class UntrainedDemoDataPortalFactory : DemoDataPortalFactory
{
    public UntrainedDemoDataPortalFactory()
    {
    }

    protected UntrainedDemoDataPortalFactory(string dataPath)
        : base(dataPath)
    {
    }

    protected override bool RetrainsAtStart => false;
}
