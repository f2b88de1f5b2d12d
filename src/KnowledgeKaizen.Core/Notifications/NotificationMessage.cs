namespace KnowledgeKaizen.Core.Notifications;

/// <summary>What one event tells its recipients (see <see cref="Notification"/> for the fields).</summary>
public sealed record NotificationMessage(string Kind, string Subject, string Link, string? Actor = null, string? Detail = null, string? Key = null);
