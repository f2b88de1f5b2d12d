namespace KnowledgeKaizen.Core.Improvement;

/// <summary>A detected standout and the playbook captured from it (published or not yet).</summary>
/// <remarks>
/// <para>Team: Team of the playbook's author (via the rep linked to the user), or null.</para>
/// <para>DetectedAt: When the standout was detected (the capture request).</para>
/// <para>PublishedAt: When the playbook was first published; null while it is not.</para>
/// </remarks>
public sealed record StandoutCapture(string? Team, DateTime DetectedAt, DateTime? PublishedAt);
