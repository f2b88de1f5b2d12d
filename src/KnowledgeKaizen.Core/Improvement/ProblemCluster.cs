namespace KnowledgeKaizen.Core.Improvement;

/// <summary>
/// A recurring problem found by clustering complaints: a label from its top terms, its size, monthly counts
/// (trend) and a few example texts. A clustering run replaces all clusters; what a manager turned the cluster
/// into is kept on the row.
/// </summary>
public class ProblemCluster
{
    private ProblemCluster()
    {
        Label = string.Empty;
        TopTerms = [];
        MonthlyCounts = [];
        Examples = [];
    }

    public ProblemCluster(Guid runId, int number, string label, string[] topTerms, int count, string[] monthlyCounts, string[] examples, DateTime computedAt)
    {
        RunId = runId;
        Number = number;
        Label = label.Length <= 200 ? label : label[..200];
        TopTerms = topTerms;
        Count = count;
        MonthlyCounts = monthlyCounts;
        Examples = examples;
        ComputedAt = computedAt;
    }

    public long Id { get; private set; }

    /// <summary>The clustering job that produced it.</summary>
    public Guid RunId { get; private set; }

    public int Number { get; private set; }

    public string Label { get; private set; }

    public string[] TopTerms { get; private set; }

    public int Count { get; private set; }

    /// <summary>"yyyy-MM=count" entries in month order.</summary>
    public string[] MonthlyCounts { get; private set; }

    public string[] Examples { get; private set; }

    public DateTime ComputedAt { get; private set; }

    public int? CycleId { get; private set; }

    public int? SolutionId { get; private set; }

    public IReadOnlyList<(string Month, int Count)> Trend => [.. MonthlyCounts.Select(m => m.Split('='))
        .Where(p => p.Length == 2 && int.TryParse(p[1], out _))
        .Select(p => (p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];

    public void TurnedIntoCycle(int cycleId) => CycleId = cycleId;

    public void TurnedIntoSolution(int solutionId) => SolutionId = solutionId;
}

internal sealed class ProblemClusterConfiguration : IEntityTypeConfiguration<ProblemCluster>
{
    public void Configure(EntityTypeBuilder<ProblemCluster> builder)
    {
        builder.ToTable("ProblemClusters");
        builder.Property(c => c.Label).HasMaxLength(200);
        builder.Ignore(c => c.Trend);
        builder.HasIndex(c => c.RunId);
    }
}
