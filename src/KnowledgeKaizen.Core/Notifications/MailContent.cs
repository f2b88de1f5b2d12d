namespace KnowledgeKaizen.Core.Notifications;

/// <summary>An e-mail's subject and plain-text body.</summary>
public sealed record MailContent(string Subject, string Body);
