using System.Text;
using KnowledgeKaizen.Core.Notifications;

namespace KnowledgeKaizen.Web.Notifications;

/// <summary>
/// Writes notification e-mails in the recipient's language with the portal's translations: one notification, or a
/// day's digest; every mail ends with the links to change the e-mail choice and to stop the e-mails.
/// </summary>
public sealed class NotificationMailComposer(IStringLocalizer<SharedResource> l, NotificationText text, IOptions<MailOptions> options) : IMailComposer
{
    private const int MaxSubjectLength = 200;

    public MailContent Compose(OutgoingMail mail, IReadOnlyList<Notification> notifications, string unsubscribeUrl)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var chosen = CultureInfo.GetCultureInfo(Localization.LocalizationModule.IsSupported(mail.Culture) ? mail.Culture : "en");
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = chosen;
            return mail.IsDigest || notifications.Count != 1 ? Digest(notifications, unsubscribeUrl) : Single(notifications[0], unsubscribeUrl);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private MailContent Single(Notification notification, string unsubscribeUrl)
    {
        var body = new StringBuilder();
        Describe(body, notification, indent: string.Empty);
        Footer(body, unsubscribeUrl);
        return new MailContent(Clip(text.Sentence(notification)), body.ToString());
    }

    private MailContent Digest(IReadOnlyList<Notification> notifications, string unsubscribeUrl)
    {
        var body = new StringBuilder();
        body.Append(l["What happened in KnowledgeKaizen since your last digest:"]).Append("\n\n");
        foreach (var notification in notifications)
        {
            body.Append("• ");
            Describe(body, notification, indent: "  ");
            body.Append('\n');
        }

        Footer(body, unsubscribeUrl);
        return new MailContent(Clip(l["KnowledgeKaizen: your daily digest ({0})", notifications.Count]), body.ToString());
    }

    private void Describe(StringBuilder body, Notification notification, string indent)
    {
        body.Append(text.Sentence(notification)).Append('\n');
        if (NotificationText.Quote(notification) is { } quote)
        {
            body.Append(indent).Append("“").Append(quote).Append("”\n");
        }

        body.Append(indent).Append(l["Open: {0}", Url(notification.Link)]).Append('\n');
    }

    private void Footer(StringBuilder body, string unsubscribeUrl)
    {
        body.Append("\n—\n")
            .Append(l["You get this e-mail because notifications are on for your KnowledgeKaizen account."]).Append('\n')
            .Append(l["Choose each notification, a daily digest or no e-mail: {0}", Url("/Notifications")]).Append('\n')
            .Append(l["Stop these e-mails: {0}", unsubscribeUrl]).Append('\n');
    }

    private string Url(string link) => options.Value.PortalUrl.TrimEnd('/') + link;

    private static string Clip(string subject) => subject.Length > MaxSubjectLength ? subject[..(MaxSubjectLength - 1)] + "…" : subject;
}
