using Microsoft.AspNetCore.DataProtection;

namespace KnowledgeKaizen.Core.Notifications;

/// <summary>
/// The token in an e-mail's unsubscribe link: the recipient's id, protected with the portal's key ring, so the link
/// works without signing in and cannot be made up for someone else.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("KnowledgeKaizen.Notifications.Unsubscribe.v1");

    public string TokenFor(string userId) => protector.Protect(userId);

    /// <summary>The user the token was made for; null for a damaged or foreign token.</summary>
    public string? UserIdOf(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
