using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Core.PerformerDetection;

namespace KnowledgeKaizen.Core.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Notifications: the handlers that turn events into notifications and queued e-mails, the hourly reminders
    /// (verification due, cycle check date), the mail settings (<see cref="MailOptions"/>) and the dispatcher that
    /// sends the outbox through SMTP. The host supplies the <see cref="IMailComposer"/> that writes the mails.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Notifier>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<MailQueue>();
        services.AddScoped<Reminders>();
        services.AddScoped<MailOutbox>();
        services.AddTransient<IMailTransport, SmtpMailTransport>();
        services.AddScoped<ReminderScheduler>();
        services.AddScoped<MailDispatcher>();
        services.AddPeriodicTask(ReminderScheduler.Name, _ => ReminderScheduler.Interval, runAtStart: true,
            (sp, ct) => sp.GetRequiredService<ReminderScheduler>().RunAsync(ct));
        services.AddPeriodicTask(MailDispatcher.Name, sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.PollInterval, runAtStart: true,
            (sp, ct) => sp.GetRequiredService<MailDispatcher>().RunAsync(ct));

        services.AddDomainEventHandler<DocumentSubmittedForReview, DocumentNotifications>();
        services.AddDomainEventHandler<DocumentApproved, DocumentNotifications>();
        services.AddDomainEventHandler<DocumentReturned, DocumentNotifications>();
        services.AddDomainEventHandler<DocumentStandardised, DocumentNotifications>();
        services.AddDomainEventHandler<DocumentFlaggedOutdated, DocumentNotifications>();
        services.AddDomainEventHandler<DocumentVotedNotHelpful, DocumentNotifications>();
        services.AddDomainEventHandler<DocumentVerificationDue, DocumentNotifications>();
        services.AddDomainEventHandler<CaptureRequested, ActivityNotifications>();
        services.AddDomainEventHandler<CourseAssigned, ActivityNotifications>();
        services.AddDomainEventHandler<KudosGiven, ActivityNotifications>();
        services.AddDomainEventHandler<CycleCheckDue, ActivityNotifications>();
        services.AddDomainEventHandler<ImportFinished, ActivityNotifications>();
        return services;
    }
}
