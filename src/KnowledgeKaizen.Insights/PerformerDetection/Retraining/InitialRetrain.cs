using KnowledgeKaizen.Core.Data;
using KnowledgeKaizen.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Insights.PerformerDetection.Retraining;

/// <summary>On start, after the demo data loaded: queue a first retraining when no snapshot exists yet.</summary>
internal sealed class InitialRetrain(KnowledgeKaizenDbContext db, RetrainTrigger trigger) : IStartupTask
{
    public int Order => StartupOrder.FirstRetrain;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await db.FindingSnapshots.AnyAsync(cancellationToken))
        {
            await trigger.EnqueueAsync("first start", null, cancellationToken);
        }
    }
}
