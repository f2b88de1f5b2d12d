using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Core.Terms;
using KnowledgeKaizen.Lexicon;

namespace KnowledgeKaizen.Insights.Improvement;

/// <summary>
/// Background job "feedback-clustering": clusters every complaint (through the term map in force) into recurring problems and replaces the
/// stored clusters in one transaction (a failed run leaves the previous clusters in place).
/// </summary>
public sealed class FeedbackClusteringJob(KnowledgeKaizenDbContext db, IWordSegmenter segmenter, TermMapStore terms, TimeProvider clock) : IJobHandler
{
    public const string JobKind = ProblemService.ClusteringJobKind;

    /// <summary>Upper bound on texts per run, newest first, to keep a run within a minute on two cores.</summary>
    public const int MaxTexts = 5000;

    public string Kind => JobKind;

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        await progress.ReportAsync(0.02, "Loading complaints", cancellationToken);
        var complaints = await db.Feedback.AsNoTracking().Where(f => f.Type == FeedbackType.Complaint)
            .OrderByDescending(f => f.ReceivedAt).Take(MaxTexts)
            .Select(f => new ClusterInput(f.Text, f.ReceivedAt)).ToListAsync(cancellationToken);
        var termMap = (await terms.LoadAsync(cancellationToken)).Map;
        var result = FeedbackClusterer.Cluster(complaints, segmenter, termMap, progress: f => progress.ReportAsync(0.05 + (0.85 * f), "Clustering", cancellationToken));

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ProblemClusters.Where(c => c.CycleId == null && c.SolutionId == null).ExecuteDeleteAsync(cancellationToken);
        foreach (var cluster in result.Clusters)
        {
            var months = cluster.Members.GroupBy(m => complaints[m].At.ToString("yyyy-MM", CultureInfo.InvariantCulture))
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}").ToArray();
            var label = cluster.Label;
            var examples = cluster.Examples.Select(i => complaints[i].Text).Select(t => t.Length > 300 ? t[..300] : t).ToArray();
            db.ProblemClusters.Add(new ProblemCluster(job.Id, cluster.Number, label.Length == 0 ? $"#{cluster.Number}" : label,
                [.. cluster.TopTerms], cluster.Members.Count, months, examples, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await progress.ReportAsync(1, "Done", cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{result.Clusters.Count} clusters from {complaints.Count} complaints (k = {result.K}, silhouette {result.Silhouette:F2})");
    }
}
