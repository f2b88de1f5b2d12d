using System.Text.Json;
using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.PerformerDetection;
using KnowledgeKaizen.Web.Tests.Infrastructure;
using KnowledgeKaizen.Web.Tests.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Web.Tests.PerformerDetection;

/// <summary>
/// The portal with demo data and a small, fast model (LightGbm only, three folds, few trees), so the first-start
/// retraining of the ~43k demo stage entries takes seconds. The scheduler is slowed down so tests decide when to retrain.
/// </summary>
public class PerformerDetectionPortalFactory : PortalFactory
{
    internal static readonly Dictionary<string, string?> FastModel = new()
    {
        ["Insights:ExpectedOutcome:Trainers:0"] = "LightGbm",
        ["Insights:ExpectedOutcome:FoldCount"] = "3",
        ["Insights:ExpectedOutcome:NumberOfTrees"] = "60",
        ["Insights:ExpectedOutcome:NumberOfLeaves"] = "15",
        ["Insights:ExpectedOutcome:MinimumExampleCountPerLeaf"] = "40",
        ["Insights:SchedulerPollInterval"] = "01:00:00",
    };

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(FastModel)
    {
        ["KnowledgeKaizen:LoadDemoData"] = "true",
        ["KnowledgeKaizen:SeedPath"] = SeedCsv.Folder,
    };

    /// <summary>Waits for the first-start retraining to leave a snapshot (it runs in the background job worker).</summary>
    public async Task<FindingSnapshot> SnapshotAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            using (var scope = Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
                var snapshot = await db.FindingSnapshots.AsNoTracking().OrderByDescending(s => s.Id).FirstOrDefaultAsync();
                if (snapshot is not null)
                {
                    return snapshot;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("No performance snapshot within four minutes.");
    }

    public async Task<T> WithDbAsync<T>(Func<KnowledgeKaizenDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>());
    }

    /// <summary>(rep external id, stage) of the planted standouts in seed/data/planted-truth.json.</summary>
    public static IReadOnlyList<(string Rep, string Stage)> PlantedStandouts()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedCsv.Folder, "planted-truth.json")));
        return [.. truth.RootElement.GetProperty("standouts").EnumerateArray().Select(s => (s.GetProperty("rep_id").GetString()!, s.GetProperty("stage").GetString()!))];
    }
}

/// <summary>An empty install (no demo data) with the same fast model settings.</summary>
public sealed class EmptyPerformerDetectionPortalFactory : PerformerDetectionPortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(FastModel);
}
