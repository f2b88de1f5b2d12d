namespace KnowledgeKaizen.Core.Improvement;

/// <summary>One contributor's credit: reuse of their knowledge, helpful votes, measured impact and kudos.</summary>
/// <remarks>
/// <para>Reuse: Service cases linked to their solutions plus "I applied this" on their playbooks.</para>
/// <para>ImprovedCycles: Checked cycles with a significant improvement that rolled out one of their playbooks.</para>
/// <para>BestEffect: Largest measured effect among those cycles (in the metric's unit).</para>
/// </remarks>
public sealed record ContributorCredit(string UserId, string Name, int Documents, int Reuse, int Helpful, int ImprovedCycles,
    double? BestEffect, int Kudos, IReadOnlyList<Kudos> RecentKudos);
