using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Core.Notifications;

namespace KnowledgeKaizen.Core.Tests.Notifications;

/// <summary>
/// The time-driven notifications: a verification falling due within 14 days and a cycle at its check date are told
/// once per item and due date, however often the scheduler runs, and again only for a new date.
/// </summary>
public sealed class RemindersTests : IDisposable
{
    private readonly NotificationTestHost host = new();

    [Fact]
    public async Task VerificationDue_IsToldToTheVerifier_OncePerDueDate()
    {
        var vera = await host.AddUserAsync("vera", Roles.KnowledgeManager);
        var other = await host.AddUserAsync("otto", Roles.KnowledgeManager);
        var documentId = await PublishedPlaybookAsync(new Actor(vera, "vera", true));

        host.Clock.Now = host.Clock.Now.AddDays(KnowledgeDocument.DefaultReviewIntervalDays - Reminders.VerificationNoticeDays - 1);
        Assert.Equal(0, await host.RunRemindersAsync());

        host.Clock.Now = host.Clock.Now.AddDays(2);
        Assert.Equal(1, await host.RunRemindersAsync());
        Assert.Equal(0, await host.RunRemindersAsync());
        host.Clock.Now = host.Clock.Now.AddDays(5);
        Assert.Equal(0, await host.RunRemindersAsync());
        Assert.Equal([(vera, NotificationKinds.VerificationDue)], Reminded(await host.NotificationsAsync()));

        await host.WithDbAsync(async db =>
        {
            await new KnowledgeService(db, host.Clock).VerifyAsync(documentId, new Actor(vera, "vera", true));
            return 0;
        });
        host.Clock.Now = host.Clock.Now.AddDays(KnowledgeDocument.DefaultReviewIntervalDays - 3);
        Assert.Equal(1, await host.RunRemindersAsync());
        Assert.Equal([(vera, NotificationKinds.VerificationDue), (vera, NotificationKinds.VerificationDue)], Reminded(await host.NotificationsAsync()));
        Assert.DoesNotContain(Reminded(await host.NotificationsAsync()), n => n.UserId == other);
    }

    [Fact]
    public async Task VerificationDue_OfAVerifierWithoutAccount_IsToldToTheKnowledgeManagers()
    {
        var kim = await host.AddUserAsync("kim", Roles.KnowledgeManager);
        var ken = await host.AddUserAsync("ken", Roles.KnowledgeManager);
        var staff = await host.AddUserAsync("sam", Roles.Staff);
        await PublishedPlaybookAsync(new Actor("left-the-company", "Former Manager", true));

        host.Clock.Now = host.Clock.Now.AddDays(KnowledgeDocument.DefaultReviewIntervalDays - 1);
        Assert.Equal(1, await host.RunRemindersAsync());

        var told = Reminded(await host.NotificationsAsync());
        Assert.Equal(new[] { kim, ken }.Order(), told.Select(n => n.UserId).Order());
        Assert.DoesNotContain(told, n => n.UserId == staff);
    }

    [Fact]
    public async Task CycleAtItsCheckDate_IsToldToItsOwner_Once()
    {
        var owner = await host.AddUserAsync("olga", Roles.KnowledgeManager);
        var colleague = await host.AddUserAsync("carl", Roles.KnowledgeManager);
        var start = host.Clock.Now.UtcDateTime;
        await host.WithDbAsync(async db =>
        {
            var plan = new CyclePlan(CycleType.Pdca, "Faster quotes", "Quotes take too long.", null, owner, "olga",
                new CycleRoles("a", "b", "c"), new TargetMetric("conversion", "propose", null), 0.5,
                start.AddDays(-90), start.AddDays(-1), start.AddDays(1), start.AddDays(30));
            var cycle = ImprovementCycle.Open(plan, new MeasuredBaseline(0.4, 100, 1), start);
            db.ImprovementCycles.Add(cycle);
            await db.SaveChangesAsync();
            return cycle.Id;
        });

        Assert.Equal(0, await host.RunRemindersAsync());
        host.Clock.Now = host.Clock.Now.AddDays(31);
        Assert.Equal(1, await host.RunRemindersAsync());
        Assert.Equal(0, await host.RunRemindersAsync());

        Assert.Equal([(owner, NotificationKinds.CycleCheckDue)], await host.NotificationsAsync());
        Assert.DoesNotContain(await host.NotificationsAsync(), n => n.UserId == colleague);
    }

    public void Dispose() => host.Dispose();

    private static List<(string UserId, string Kind)> Reminded(IEnumerable<(string UserId, string Kind)> all) =>
        [.. all.Where(n => n.Kind == NotificationKinds.VerificationDue)];

    /// <summary>A playbook written by a contributor and approved by <paramref name="reviewer"/> now (which makes them its verifier).</summary>
    private async Task<int> PublishedPlaybookAsync(Actor reviewer)
    {
        var author = await host.AddUserAsync("writer-" + Guid.NewGuid().ToString("N")[..6], Roles.Contributor);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
        var knowledge = new KnowledgeService(db, host.Clock);
        var document = await knowledge.CreateAsync(DocumentKind.Playbook, "en", null, "Call back within a day", "## Situation\n\nText.\n",
            new DocumentMetadata { Stages = ["qualify"] }, new Actor(author, "writer", false));
        await knowledge.SubmitAsync(document.Id, new Actor(author, "writer", false));
        await knowledge.ApproveAsync(document.Id, document.CurrentRevisionNumber, null, null, reviewer);
        return document.Id;
    }
}
