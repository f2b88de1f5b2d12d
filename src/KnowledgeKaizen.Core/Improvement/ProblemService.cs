namespace KnowledgeKaizen.Core.Improvement;

/// <summary>Problem collection: recurring complaint clusters, turning them into cycles or solution articles, new-vs-known.</summary>
public sealed class ProblemService(KnowledgeKaizenDbContext db, KnowledgeService knowledge, IJobQueue jobs)
{
    /// <summary>Kind of the background job that recomputes the clusters (handler in Insights).</summary>
    public const string ClusteringJobKind = "feedback-clustering";

    /// <summary>Queues a clustering run unless one is already queued or running.</summary>
    public Task<BackgroundJob> QueueClusteringAsync(string? userId, CancellationToken ct = default) =>
        jobs.EnqueueOnceAsync(ClusteringJobKind, null, userId, ct);

    /// <summary>The most recent clustering job, for its progress bar and result.</summary>
    public Task<BackgroundJob?> LatestClusteringJobAsync(CancellationToken ct = default) =>
        jobs.LatestAsync(ClusteringJobKind, ct);

    /// <summary>The clusters of the latest clustering run, largest first.</summary>
    public async Task<IReadOnlyList<ProblemCluster>> LatestAsync(CancellationToken ct = default)
    {
        var latest = await db.ProblemClusters.OrderByDescending(c => c.ComputedAt).Select(c => (Guid?)c.RunId).FirstOrDefaultAsync(ct);
        return latest is null ? [] : await db.ProblemClusters.AsNoTracking().Where(c => c.RunId == latest).OrderByDescending(c => c.Count).ThenBy(c => c.Number).ToListAsync(ct);
    }

    public Task<ProblemCluster?> FindAsync(long id, CancellationToken ct = default) =>
        db.ProblemClusters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Records that a cycle was opened for the cluster.</summary>
    public async Task MarkCycleAsync(long clusterId, int cycleId, CancellationToken ct = default)
    {
        var cluster = await db.ProblemClusters.FirstOrDefaultAsync(c => c.Id == clusterId, ct);
        if (cluster is not null)
        {
            cluster.TurnedIntoCycle(cycleId);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Starts a solution article draft from the cluster: its term as title, examples as the issue.</summary>
    public async Task<int> TurnIntoSolutionAsync(long clusterId, Actor author, CancellationToken ct = default)
    {
        var cluster = await db.ProblemClusters.FirstOrDefaultAsync(c => c.Id == clusterId, ct)
            ?? throw new ImprovementRuleException("The problem cluster does not exist.");
        if (cluster.SolutionId is { } existing && await db.KnowledgeDocuments.AnyAsync(d => d.Id == existing, ct))
        {
            return existing;
        }

        // The article is written in the language most of the examples are in, titled by the cluster's term in it.
        var language = cluster.Examples.Count(e => e.Any(IsCjk)) * 2 > cluster.Examples.Length ? "zh" : "en";
        var title = SolutionTitle(cluster, language == "zh");
        var examples = string.Join('\n', cluster.Examples.Select(e => "> " + e.ReplaceLineEndings(" ")));
        var body = DocumentTemplates.For(DocumentKind.Solution, language).TrimEnd() + "\n\n" + examples + "\n";
        var issue = cluster.Examples.FirstOrDefault() ?? cluster.Label;
        var metadata = new DocumentMetadata { Summary = cluster.Label, Tags = [.. cluster.TopTerms.Take(5)], Issue = issue[..Math.Min(issue.Length, 500)] };
        var document = await knowledge.CreateAsync(DocumentKind.Solution, language, null, title, body, metadata, author, ct);
        cluster.TurnedIntoSolution(document.Id);
        await db.SaveChangesAsync(ct);
        return document.Id;
    }

    /// <summary>
    /// For cases opened in [from, to): known = linked to a solution article that existed before the case was
    /// resolved; new = linked only to an article written afterwards; unlinked = no article at all.
    /// </summary>
    public async Task<NewVsKnown> NewVsKnownAsync(DateTime from, DateTime to, CancellationToken ct = default)
    {
        var cases = await db.ServiceCases.AsNoTracking().Where(c => c.OpenedAt >= from && c.OpenedAt < to)
            .Select(c => new { c.Id, c.ExternalId, c.ResolvedAt }).ToListAsync(ct);
        var links = await db.SolutionCaseLinks.AsNoTracking()
            .Join(db.KnowledgeDocuments, l => l.DocumentId, d => d.Id, (l, d) => new { l.CaseKey, d.CreatedAt })
            .ToListAsync(ct);
        var byKey = links.GroupBy(l => l.CaseKey).ToDictionary(g => g.Key, g => g.Min(l => l.CreatedAt));
        int known = 0, fresh = 0, unlinked = 0;
        foreach (var c in cases)
        {
            var key = byKey.ContainsKey(c.ExternalId) ? c.ExternalId : c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!byKey.TryGetValue(key, out var firstArticle))
            {
                unlinked++;
            }
            else if (firstArticle.UtcDateTime < (c.ResolvedAt ?? DateTime.MaxValue))
            {
                known++;
            }
            else
            {
                fresh++;
            }
        }

        return new NewVsKnown(cases.Count, known, fresh, unlinked);
    }

    /// <summary>The cluster's first term written in the article's language, capitalised ("Late delivery", "发票"); else its label.</summary>
    internal static string SolutionTitle(ProblemCluster cluster, bool chinese)
    {
        var term = cluster.TopTerms.FirstOrDefault(t => t.Length > 0 && t.Any(IsCjk) == chinese)
            ?? cluster.Label.Split(" · ").FirstOrDefault(t => t.Any(IsCjk) == chinese)
            ?? cluster.Label;
        return term.Length == 0 ? term : char.ToUpperInvariant(term[0]) + term[1..];
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';
}
