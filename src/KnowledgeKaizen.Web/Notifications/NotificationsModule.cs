using KnowledgeKaizen.Core.Notifications;

namespace KnowledgeKaizen.Web.Notifications;

public static class NotificationsModule
{
    /// <summary>The notification sentences, the e-mail writer (in each recipient's language) and the Admins' mail page.</summary>
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationText>();
        services.AddScoped<IMailComposer, NotificationMailComposer>();
        services.AddNavItem(new NavItem("Notifications", "/Notifications/Index", Policies.Reader, NavOrder.Notifications, "bell", NavGroup.Me));
        services.AddNavItem(new NavItem("E-mail", "/Admin/Mail", Policies.Admin, NavOrder.Mail, "envelope", NavGroup.Admin));
        return services;
    }
}
