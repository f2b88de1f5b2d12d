using System.Net.Sockets;
using MimeKit;
using netDumbster.smtp;

namespace KnowledgeKaizen.Web.Tests.Notifications;

/// <summary>
/// The portal with e-mail on, sending to a real SMTP server (netDumbster) on a port of its own, and a manual clock, so
/// tests decide when retries and digests fall due. The server can be stopped and started again on the same port.
/// </summary>
public sealed class MailPortalFactory : PortalFactory
{
    public const string PortalUrl = "http://portal.test";

    private readonly object gate = new();
    private SimpleSmtpServer? smtp;

    public MailPortalFactory()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        SmtpPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        StartMailServer();
    }

    public int SmtpPort { get; }

    public ManualClock ManualClock { get; } = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => ManualClock;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["KnowledgeKaizen:Mail:Host"] = "127.0.0.1",
        ["KnowledgeKaizen:Mail:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["KnowledgeKaizen:Mail:Security"] = "None",
        ["KnowledgeKaizen:Mail:From"] = "KnowledgeKaizen <portal@test.local>",
        ["KnowledgeKaizen:Mail:PortalUrl"] = PortalUrl,
        ["KnowledgeKaizen:Mail:RetryAfter"] = "00:05:00",
        ["KnowledgeKaizen:Mail:PollInterval"] = "00:00:00.200",
        ["KnowledgeKaizen:Mail:DigestHourUtc"] = "7",
    };

    public void StartMailServer()
    {
        lock (gate)
        {
            if (smtp is null)
            {
                smtp = SimpleSmtpServer.Start(SmtpPort);
                smtp.MessageReceived += (_, e) =>
                {
                    var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(e.Message.Data)));
                    lock (gate)
                    {
                        received.Add(message);
                    }
                };
            }
        }
    }

    /// <summary>Stops the server: the port refuses connections until <see cref="StartMailServer"/>.</summary>
    public void StopMailServer()
    {
        lock (gate)
        {
            smtp?.Stop();
            smtp?.Dispose();
            smtp = null;
        }
    }

    private readonly List<MimeMessage> received = [];

    /// <summary>Every mail the server received so far (across restarts), parsed.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        lock (gate)
        {
            return [.. received];
        }
    }

    /// <summary>The mails to <paramref name="address"/>, in the order received.</summary>
    public IReadOnlyList<MimeMessage> ReceivedBy(string address) =>
        [.. Received().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits for the background dispatcher to deliver <paramref name="count"/> mails to <paramref name="address"/>.</summary>
    public Task<IReadOnlyList<MimeMessage>> MailsAsync(string address, int count) =>
        Eventually.ThatAsync($"{count} mails to {address}", () => Task.FromResult(ReceivedBy(address)), m => m.Count >= count,
            describe: m => $"{m.Count}: " + string.Join(" | ", m.Select(x => x.Subject)));

    public static string Text(MimeMessage message) => message.TextBody ?? string.Empty;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            StopMailServer();
        }
    }
}
