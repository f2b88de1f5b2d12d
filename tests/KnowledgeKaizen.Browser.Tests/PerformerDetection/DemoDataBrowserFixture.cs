using KnowledgeKaizen.Browser.Tests.Infrastructure;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.PerformerDetection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Browser.Tests.PerformerDetection;

/// <summary>The browser fixture with the demo CRM data and a small, fast expected-outcome model.</summary>
public sealed class DemoDataBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["KnowledgeKaizen:LoadDemoData"] = "true",
        ["KnowledgeKaizen:SeedPath"] = SeedFolder(),
        ["Insights:ExpectedOutcome:Trainers:0"] = "LightGbm",
        ["Insights:ExpectedOutcome:FoldCount"] = "3",
        ["Insights:ExpectedOutcome:NumberOfTrees"] = "60",
        ["Insights:ExpectedOutcome:NumberOfLeaves"] = "15",
        ["Insights:SchedulerPollInterval"] = "01:00:00",
    };

    /// <summary>Waits for the first-start retraining's snapshot.</summary>
    public async Task<FindingSnapshot> SnapshotAsync()
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(4); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            using var scope = Server.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
            if (await db.FindingSnapshots.AsNoTracking().OrderByDescending(s => s.Id).FirstOrDefaultAsync() is { } snapshot)
            {
                return snapshot;
            }
        }

        throw new TimeoutException("No performance snapshot within four minutes.");
    }

    public async Task<T> WithDbAsync<T>(Func<KnowledgeKaizenDbContext, Task<T>> work)
    {
        using var scope = Server.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>());
    }

    private static string SeedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeKaizen.sln")))
            {
                return Path.Combine(dir.FullName, "seed", "data");
            }
        }

        throw new InvalidOperationException("KnowledgeKaizen.sln not found above " + AppContext.BaseDirectory);
    }
}
