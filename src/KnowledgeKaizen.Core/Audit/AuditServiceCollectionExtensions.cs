using KnowledgeKaizen.Core.Backups;
using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeKaizen.Core.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The audit log: an entry for each sign-in, account, token, review, import, export, removal and backup event, written in
    /// the save that raised it; search and CSV for Admins; the daily purge after "KnowledgeKaizen:Audit:RetentionDays".
    /// </summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<IRequestOrigin, NoRequestOrigin>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditRetention>();
        services.AddHostedService<AuditRetentionScheduler>();
        services.AddDomainEventHandler<UserSignedIn, AuditRecorder>()
            .AddDomainEventHandler<SignInFailed, AuditRecorder>()
            .AddDomainEventHandler<UserInvited, AuditRecorder>()
            .AddDomainEventHandler<UserRolesChanged, AuditRecorder>()
            .AddDomainEventHandler<UserLockChanged, AuditRecorder>()
            .AddDomainEventHandler<UserSessionsEnded, AuditRecorder>()
            .AddDomainEventHandler<ApiTokenCreated, AuditRecorder>()
            .AddDomainEventHandler<ApiTokenRevoked, AuditRecorder>()
            .AddDomainEventHandler<DocumentApproved, AuditRecorder>()
            .AddDomainEventHandler<DocumentReturned, AuditRecorder>()
            .AddDomainEventHandler<DocumentStandardised, AuditRecorder>()
            .AddDomainEventHandler<DocumentArchived, AuditRecorder>()
            .AddDomainEventHandler<DocumentRevisionRestored, AuditRecorder>()
            .AddDomainEventHandler<ImportFinished, AuditRecorder>()
            .AddDomainEventHandler<DataExported, AuditRecorder>()
            .AddDomainEventHandler<CourseContentRemoved, AuditRecorder>()
            .AddDomainEventHandler<BackupCreated, AuditRecorder>()
            .AddDomainEventHandler<BackupRestored, AuditRecorder>();
        return services;
    }
}
