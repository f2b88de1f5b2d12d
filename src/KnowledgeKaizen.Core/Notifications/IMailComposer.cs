namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// Writes an e-mail's subject and text in the recipient's language (<see cref="OutgoingMail.Culture"/>). The web
/// portal implements it with its translations; the dispatcher calls it when it sends.
/// </summary>
public interface IMailComposer
{
    /// <param name="mail">The outbox row (one notification, or a digest).</param>
    /// <param name="notifications">What it carries, oldest first.</param>
    /// <param name="unsubscribeUrl">The absolute link that turns the recipient's e-mail off.</param>
    MailContent Compose(OutgoingMail mail, IReadOnlyList<Notification> notifications, string unsubscribeUrl);
}
