namespace KnowledgeKaizen.Core.Jobs;

/// <summary>
/// Job kinds bound to one instance: work on that instance's own files (its search index), which no other instance can
/// do for it. The instance's name is part of the kind ("search-rebuild@web-1"), so only that instance has a handler for
/// it; every other instance leaves such a job alone instead of running or failing it.
/// </summary>
public static class InstanceJobs
{
    private const char Separator = '@';

    /// <summary>The kind of <paramref name="kind"/> work bound to the instance <paramref name="instance"/> (cut to the column's 64 characters).</summary>
    public static string Kind(string kind, string instance)
    {
        var bound = $"{kind}{Separator}{instance}";
        return bound.Length <= BackgroundJob.MaxKindLength ? bound : bound[..BackgroundJob.MaxKindLength];
    }

    /// <summary>Whether <paramref name="kind"/> is bound to an instance (possibly another one).</summary>
    public static bool IsBound(string kind) => kind.Contains(Separator, StringComparison.Ordinal);
}
