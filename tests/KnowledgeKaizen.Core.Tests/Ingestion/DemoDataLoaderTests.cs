using KnowledgeKaizen.Core.Files;
using KnowledgeKaizen.Core.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Core.Tests.Ingestion;

/// <summary>
/// The demo data moves with the day it is installed: every date by the same whole number of days, so the data ends
/// yesterday. A small seed whose last day is 2025-06-30, loaded on two different "todays".
/// </summary>
public sealed class DemoDataLoaderTests : IDisposable
{
    private readonly TempFolder folder = new("demo-seed");

    public DemoDataLoaderTests()
    {
        var seed = Directory.CreateDirectory(folder.File("seed")).FullName;
        File.WriteAllText(Path.Combine(seed, "stages.csv"), IngestionTestDb.Stages);
        File.WriteAllText(Path.Combine(seed, "reps.csv"), IngestionTestDb.Reps);
        File.WriteAllText(Path.Combine(seed, "customers.csv"), IngestionTestDb.Customers);
        File.WriteAllText(Path.Combine(seed, "opportunities.csv"),
            "external_id,customer_id,owner_id,amount,industry,source,region,created_at,expected_close_at,forecast_amount,closed_at,outcome,loss_reason,final_amount,collected_amount\n" +
            "o1,c1,r1,12000,manufacturing,referral,East,2025-01-10T09:30:00Z,2025-02-28,3000,2025-03-01T10:00:00Z,won,,11800,11800\n");
        File.WriteAllText(Path.Combine(seed, "stage-history.csv"),
            "external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n" +
            "h1,o1,qualify,r1,2025-01-10T09:30:00Z,2025-06-20T09:00:00Z,advanced\n" +
            "h2,o1,discover,r1,2025-06-20T09:00:00Z,2025-06-30T16:00:00Z,advanced\n");
        File.WriteAllText(Path.Combine(seed, "planted-truth.json"), """{ "seed": 1, "start_date": "2025-01-01", "end_date": "2025-06-30" }""");
    }

    [Fact]
    public async Task LoadedTheDayAfterTheSeedEnds_KeepsEveryDate()
    {
        using var database = await LoadAsync(new DateTimeOffset(2025, 7, 1, 6, 0, 0, TimeSpan.Zero));
        await using var db = database.NewContext();

        var last = await db.StageHistory.MaxAsync(h => h.LeftAt);
        var deal = await db.Opportunities.SingleAsync();

        Assert.Equal(new DateTime(2025, 6, 30, 16, 0, 0), last);
        Assert.Equal(new DateTime(2025, 1, 10, 9, 30, 0), deal.CreatedAt);
    }

    [Fact]
    public async Task LoadedLater_MovesEveryDateByTheSameDays_SoTheDataEndsYesterday()
    {
        // 2026-03-15: yesterday is 2026-03-14, 257 days after the seed's last day.
        using var database = await LoadAsync(new DateTimeOffset(2026, 3, 15, 23, 30, 0, TimeSpan.Zero));
        await using var db = database.NewContext();

        var history = await db.StageHistory.OrderBy(h => h.EnteredAt).ToListAsync();
        var deal = await db.Opportunities.SingleAsync();

        Assert.Equal(new DateTime(2026, 3, 14, 16, 0, 0), history[^1].LeftAt);
        Assert.Equal(new DateTime(2026, 3, 4, 9, 0, 0), history[^1].EnteredAt);
        Assert.Equal(new DateTime(2025, 9, 24, 9, 30, 0), deal.CreatedAt);
        Assert.Equal(new DateTime(2025, 11, 13, 10, 0, 0), deal.ClosedAt);
        Assert.Equal(new DateTime(2025, 11, 12), deal.ExpectedCloseAt);
    }

    [Fact]
    public void ASeedWithoutItsLastDay_IsNotMoved()
    {
        File.Delete(folder.File("seed", "planted-truth.json"));
        Assert.Equal(TimeSpan.Zero, DemoDataLoader.DateShift(folder.File("seed"), new DateOnly(2030, 1, 1)));
    }

    private async Task<InMemoryDatabase> LoadAsync(DateTimeOffset today)
    {
        var clock = new ManualClock(today);
        var database = new InMemoryDatabase();
        await using var db = database.NewContext();
        var data = new DataFolder(folder.File("data-" + today.Ticks));
        var files = new DataFolderFileStore(data);
        var imports = new ImportService(db, new ImportPipeline(db, null, clock), files, new InProcessJobQueue(db, new JobSignal(), clock), clock, data,
            new ImportLocks(data), new ImportHold(Options.Create(new ImportOptions())), new KnowledgeKaizen.Core.Ingestion.Mapping.MappingBinder(db));
        var options = Options.Create(new KaizenOptions { LoadDemoData = true, SeedPath = folder.File("seed") });
        await new DemoDataLoader(db, imports, options, new Environment(folder.Path), clock, NullLogger<DemoDataLoader>.Instance).RunAsync(CancellationToken.None);
        return database;
    }

    public void Dispose() => folder.Dispose();

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
