using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace KnowledgeKaizen.Core.Tests.Notifications;

/// <summary>
/// The notifications module on a private in-memory database with a manual clock: contexts come from a service provider,
/// so raised events reach the real handlers. E-mail is on (a host is set) but nothing here sends.
/// </summary>
public sealed class NotificationTestHost : IDisposable
{
    private readonly InMemoryServices services;

    public NotificationTestHost()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:Mail:Host"] = "mail.test",
            ["KnowledgeKaizen:Mail:From"] = "portal@test.local",
        }).Build();
        services = new(s => s
            .AddSingleton<IConfiguration>(settings)
            .AddSingleton<TimeProvider>(Clock)
            .AddLogging()
            .AddNotifications()
            .AddDataProtection());
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public AsyncServiceScope Scope() => services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<KnowledgeKaizenDbContext, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>());
    }

    /// <summary>Adds an account, in <paramref name="role"/> when given.</summary>
    public Task<string> AddUserAsync(string name, string? role = null, MailFrequency mail = MailFrequency.Immediate) => WithDbAsync(async db =>
    {
        var user = new AppUser { Email = $"{name}@test.local", NormalizedEmail = $"{name}@test.local".ToUpperInvariant(), UserName = name, DisplayName = name, MailNotifications = mail };
        db.Users.Add(user);
        if (role is not null)
        {
            var stored = await db.Roles.FirstOrDefaultAsync(r => r.Name == role);
            if (stored is null)
            {
                stored = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
                db.Roles.Add(stored);
            }

            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = stored.Id });
        }

        await db.SaveChangesAsync();
        return user.Id;
    });

    /// <summary>(user id, kind) of every notification, oldest first.</summary>
    public Task<List<(string UserId, string Kind)>> NotificationsAsync() => WithDbAsync(async db =>
        (await db.Notifications.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.UserId, n.Kind }).ToListAsync()).Select(n => (n.UserId, n.Kind)).ToList());

    public Task<int> RunRemindersAsync() => WithDbAsync(db => new Reminders(db, Clock).RunAsync());

    public void Dispose() => services.Dispose();
}
