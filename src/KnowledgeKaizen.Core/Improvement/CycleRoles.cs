namespace KnowledgeKaizen.Core.Improvement;

/// <summary>The article's roles: who collects problems, who analyses and improves, who manages the results.</summary>
public sealed record CycleRoles(string ProblemCollector, string Analyst, string ResultsManager)
{
    internal CycleRoles Trimmed() => new((ProblemCollector ?? string.Empty).Trim(), (Analyst ?? string.Empty).Trim(), (ResultsManager ?? string.Empty).Trim());
}
