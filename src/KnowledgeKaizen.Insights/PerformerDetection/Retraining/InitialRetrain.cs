namespace KnowledgeKaizen.Insights.PerformerDetection.Retraining;

/// <summary>
/// On start, after the demo data loaded: queues a retraining when no snapshot exists yet, or when the findings were
/// computed with a model whose files are gone (the models folder was lost, or the database was restored from a backup,
/// which carries no models: they are derived data). <see cref="RetrainOptions.RetrainAtStart"/> off leaves it to the schedule.
/// </summary>
internal sealed class InitialRetrain(KnowledgeKaizenDbContext db, RetrainTrigger trigger, ModelStore models, IOptions<RetrainOptions> options) : IStartupTask
{
    public int Order => StartupOrder.FirstRetrain;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RetrainAtStart)
        {
            return;
        }

        var latest = await db.FindingSnapshots.AsNoTracking().OrderByDescending(s => s.Id).Select(s => new { s.ModelVersion }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            await trigger.EnqueueAsync("first start", null, cancellationToken);
        }
        else if (latest.ModelVersion is not null && await models.LoadCurrentAsync(cancellationToken) is null)
        {
            await trigger.EnqueueAsync("the model files are missing", null, cancellationToken);
        }
    }
}
