using MimeKit;

namespace KnowledgeKaizen.Core.Notifications;

/// <summary>A connection to the mail server for one round of sending.</summary>
public interface IMailTransport : IAsyncDisposable
{
    /// <summary>Connects (and signs in) on first use; throws when the server cannot be reached.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
