using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace KnowledgeKaizen.Core.Notifications;

/// <summary>MailKit's SMTP client, connected once per round of sending.</summary>
internal sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly SmtpClient client = new() { Timeout = (int)Timeout.TotalMilliseconds };

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        if (!client.IsConnected)
        {
            await client.ConnectAsync(settings.Host ?? string.Empty, settings.Port, settings.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.StartTls => SecureSocketOptions.StartTls,
                MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            }, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, ct);
            }
        }

        await client.SendAsync(message, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or SmtpCommandException)
            {
                // The mails are sent; a server that drops the connection at QUIT changes nothing.
            }
        }

        client.Dispose();
    }
}
