namespace KnowledgeKaizen.Core.Audit;

/// <summary>
/// What the audit page searches for: <see cref="Who"/> in the actor's name or account id, one <see cref="Action"/>,
/// <see cref="Target"/> text, and a time range (<see cref="To"/> exclusive). Empty fields do not filter.
/// </summary>
public sealed record AuditQuery(string? Who = null, string? Action = null, string? Target = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
