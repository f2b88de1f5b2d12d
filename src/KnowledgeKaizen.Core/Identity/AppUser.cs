using KnowledgeKaizen.Core.Notifications;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeKaizen.Core.Identity;

/// <summary>A portal user. Roles come from <see cref="Roles"/>.</summary>
public class AppUser : IdentityUser
{
    /// <summary>Name shown in the portal; falls back to the email.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Culture the user chose (e.g. "zh-Hans"); null means follow the browser.</summary>
    public string? PreferredCulture { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How the user gets their notifications by e-mail.</summary>
    public MailFrequency MailNotifications { get; set; } = MailFrequency.Immediate;

    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}
