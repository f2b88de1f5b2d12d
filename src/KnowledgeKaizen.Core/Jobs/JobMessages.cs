namespace KnowledgeKaizen.Core.Jobs;

/// <summary>What a job's record says when its run was lost.</summary>
internal static class JobMessages
{
    public const string InterruptedByRestart = "Interrupted by a restart; nothing it did was kept. Run it again.";
}
