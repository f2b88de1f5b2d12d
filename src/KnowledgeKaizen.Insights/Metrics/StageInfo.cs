namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>A sales stage as configured (ordered by <see cref="Position"/>).</summary>
public sealed record StageInfo(long Id, string Code, string Name, string? NameZh, int Position)
{
    public string DisplayName(bool chinese) => chinese && !string.IsNullOrEmpty(NameZh) ? NameZh : Name;
}
