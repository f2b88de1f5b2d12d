namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// Which health checks answer which question. <c>/healthz/live</c> runs none (the process answers);
/// <c>/healthz/ready</c> runs those tagged <see cref="Ready"/> (may a load balancer send requests here now?);
/// <c>/healthz</c> runs all but those tagged <see cref="ReadyOnly"/>, for people: an index that is being rebuilt is a
/// reason to send requests elsewhere, not a fault.
/// </summary>
public static class HealthTags
{
    public const string Ready = "ready";

    public const string ReadyOnly = "ready-only";
}
