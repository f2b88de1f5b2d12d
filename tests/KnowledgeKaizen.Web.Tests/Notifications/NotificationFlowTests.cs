using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Improvement;
using KnowledgeKaizen.Core.Notifications;

namespace KnowledgeKaizen.Web.Tests.Notifications;

/// <summary>
/// Notifications end to end on the real portal: each event tells the right people and nobody else, in the portal and by
/// e-mail through a real SMTP server, in each recipient's language; the digest, the unsubscribe link, and a mail server
/// that is down while a user acts.
/// </summary>
public sealed partial class NotificationFlowTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>
{
    [Fact]
    public async Task EveryEvent_TellsTheRightPeople_InThePortalAndByMail_InTheirLanguage()
    {
        var ann = await UserAsync("ann", Roles.Contributor);
        var kai = await UserAsync("kai", Roles.KnowledgeManager);
        var kira = await UserAsync("kira", Roles.KnowledgeManager);
        var sam = await UserAsync("sam", Roles.Staff);
        var tara = await UserAsync("tara", Roles.Trainer);
        var admin = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync());
        // Sam reads the portal in Chinese; the switch is remembered on the account for e-mail.
        var samClient = await portal.SignInAsync(Email("sam"), PortalFactory.UserPassword);
        await PortalFactory.PostFormAsync(samClient, "/culture", new() { ["culture"] = "zh-Hans", ["returnUrl"] = "/" }, "/");
        var before = await portal.WithDbAsync(db => db.Notifications.MaxAsync(n => (long?)n.Id)) ?? 0;

        var playbook = await WithAsync<KnowledgeService, int>(async knowledge =>
        {
            var procedure = await portal.WithDbAsync(db => db.KnowledgeDocuments.AsNoTracking()
                .Where(d => d.Kind == DocumentKind.Procedure && d.Language == "en" && d.PublishedRevisionNumber != null).OrderBy(d => d.Id).FirstAsync());
            var author = new Actor(ann, "ann", false);
            var draft = await knowledge.CreateAsync(DocumentKind.Playbook, "en", null, "Confirm the budget on the first call", "## Situation\n\nText.\n",
                new DocumentMetadata { Stages = ["qualify"], Improves = [procedure.Slug + "#step-1"] }, author);
            await knowledge.SubmitAsync(draft.Id, author);
            await knowledge.ReturnAsync(draft.Id, draft.CurrentRevisionNumber, "Add who decides on the budget.", new Actor(kai, "kai", true));
            await knowledge.SubmitAsync(draft.Id, author);
            await knowledge.ApproveAsync(draft.Id, draft.CurrentRevisionNumber, null, null, new Actor(kai, "kai", true));
            return draft.Id;
        });
        await WithAsync<ReaderFeedbackService, int>(async feedback =>
        {
            await feedback.RecordAsync(playbook, sam, FeedbackKind.Outdated, "The budget form changed in March.");
            await feedback.RecordAsync(playbook, sam, FeedbackKind.NotHelpful, "Too short.");
            return 0;
        });
        await WithAsync<StandardisationService, int>(async standardisation =>
        {
            var proposal = (await standardisation.ProposeAsync(playbook, null, new Actor(kira, "kira", true)))!;
            await standardisation.StandardiseAsync(playbook, proposal.ProcedureId!.Value, proposal.ProposedBody,
                DateOnly.FromDateTime(portal.ManualClock.Now.UtcDateTime), new Actor(kira, "kira", true));
            return 0;
        });
        var courseId = await WithAsync<CourseService, int>(async courses =>
        {
            var course = await courses.CreateAsync("Qualifying well", null, null, null, tara);
            await courses.AddModuleAsync(course.Id, playbook, null, null);
            return course.Id;
        });
        await WithAsync<LearningService, int>(async learning => (await learning.AssignAsync(courseId, Email("sam"), tara)).Id);
        await WithAsync<RecognitionService, int>(async recognition =>
        {
            await recognition.GiveAsync(sam, "sam", ann, "Your budget playbook saved my week.");
            return 0;
        });
        await WithAsync<ImportService, int>(async imports =>
        {
            var record = await imports.ReceiveAsync(new MemoryStream("external_id,name,email,team,region,role\nR-1,Rita Rep,,East,North,astronaut\n"u8.ToArray()), "reps.csv", ImportKind.Reps, ImportMode.AllOrNothing,
                dryRun: false, ImportSource.Upload, PortalFactory.AdminEmail, 1 << 20);
            await imports.RunAsync(record.Id);
            return 0;
        });

        // The hourly reminders run on their own clock; RemindersTests covers them.
        var told = await portal.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Id > before && n.Kind != NotificationKinds.VerificationDue && n.Kind != NotificationKinds.CycleCheckDue).OrderBy(n => n.Id)
            .Select(n => new { n.UserId, n.Kind }).ToListAsync());
        // The reviewers are the KnowledgeManagers: Kai, Kira and the first Admin (who holds every role).
        Assert.Equal(
            Sorted([
                (kai, NotificationKinds.SubmittedForReview), (kira, NotificationKinds.SubmittedForReview), (admin, NotificationKinds.SubmittedForReview),
                (ann, NotificationKinds.Returned),
                (kai, NotificationKinds.SubmittedForReview), (kira, NotificationKinds.SubmittedForReview), (admin, NotificationKinds.SubmittedForReview),
                (ann, NotificationKinds.Approved),
                (kai, NotificationKinds.FlaggedOutdated),
                (kai, NotificationKinds.VotedNotHelpful),
                (ann, NotificationKinds.Standardised),
                (sam, NotificationKinds.CourseAssigned),
                (ann, NotificationKinds.KudosReceived),
                (admin, NotificationKinds.ImportFailed),
            ]),
            Sorted(told.Select(n => (n.UserId, n.Kind))));

        // In the portal: the bell counts Ann's four, the list says what happened with the reviewer's comment, opening one reads it.
        var annClient = await portal.SignInAsync(Email("ann"), PortalFactory.UserPassword);
        var list = await annClient.GetStringAsync("/Notifications");
        Assert.Contains("data-testid=\"notification-count\">4<", list, StringComparison.Ordinal);
        Assert.Contains("kai returned “Confirm the budget on the first call” to you with a comment.", list, StringComparison.Ordinal);
        Assert.Contains("Add who decides on the budget.", list, StringComparison.Ordinal);
        var returned = await portal.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == ann && n.Kind == NotificationKinds.Returned));
        var opened = await PortalFactory.PostFormAsync(annClient, $"/Notifications?handler=Open&id={returned.Id}", [], "/Notifications");
        Assert.Equal($"/Knowledge/Details/{playbook}", opened.Headers.Location!.OriginalString);
        Assert.Contains("data-testid=\"notification-count\">3<", await annClient.GetStringAsync("/Notifications"), StringComparison.Ordinal);

        // By e-mail: one per notification, in the recipient's language, linking to the thing, with an unsubscribe link.
        var annMails = await portal.MailsAsync(Email("ann"), 4);
        var returnMail = annMails.Single(m => (m.Subject ?? string.Empty).Contains("returned", StringComparison.Ordinal));
        Assert.Contains("Add who decides on the budget.", MailPortalFactory.Text(returnMail), StringComparison.Ordinal);
        Assert.Contains($"{MailPortalFactory.PortalUrl}/Knowledge/Details/{playbook}", MailPortalFactory.Text(returnMail), StringComparison.Ordinal);
        Assert.StartsWith($"<{MailPortalFactory.PortalUrl}/Account/Unsubscribe?token=", returnMail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        var samMail = Assert.Single(await portal.MailsAsync(Email("sam"), 1));
        Assert.Equal("tara 为您分配了课程《Qualifying well》。", samMail.Subject);
        Assert.Contains("停止接收这些邮件", MailPortalFactory.Text(samMail), StringComparison.Ordinal);
        Assert.Equal("zh-CN", samMail.Body?.Headers["Content-Language"]);
        Assert.Equal(2, (await portal.MailsAsync(Email("kai"), 4)).Count(m => (m.Subject ?? string.Empty).Contains("submitted", StringComparison.Ordinal)));
        // The Admin's three (two submissions and the failed import) leave the outbox in any order.
        Assert.Single(await portal.MailsAsync(PortalFactory.AdminEmail, 3), m => m.Subject == "The import of reps.csv applied nothing.");
        Assert.Empty(portal.ReceivedBy(Email("tara")));
    }

    [Fact]
    public async Task WithTheMailServerDown_TheUsersActionSucceeds_AndTheMailArrivesWhenTheServerIsBack()
    {
        var giver = await UserAsync("gil", Roles.Staff);
        var receiver = await UserAsync("rita", Roles.Contributor);
        var client = await portal.SignInAsync(Email("gil"), PortalFactory.UserPassword);
        portal.StopMailServer();
        try
        {
            var given = await PortalFactory.PostFormAsync(client, "/Recognition?handler=Kudos",
                new() { ["Input.ToUserId"] = receiver, ["Input.Message"] = "Thanks for the checklist." }, "/Recognition");

            Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
            Assert.True(await portal.WithDbAsync(db => db.Kudos.AnyAsync(k => k.FromUserId == giver && k.ToUserId == receiver)));
            var failed = await Eventually.ThatAsync("a failed attempt to send Rita's mail",
                () => portal.WithDbAsync(db => db.OutgoingMails.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == receiver)),
                m => m is { Attempts: >= 1, LastError: not null });
            Assert.Equal(OutgoingMailStatus.Queued, failed!.Status);
            Assert.True(failed.NextAttemptAt > portal.ManualClock.Now, "a failed mail waits for its back-off");

            var admin = await portal.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            var outbox = await admin.GetStringAsync("/Admin/Mail");
            Assert.Matches($"data-testid=\"mail-row\" data-status=\"Queued\">\\s*<td>{Regex.Escape(Email("rita"))}</td>", outbox);
            Assert.Contains(WebUtility.HtmlEncode(failed.LastError!), outbox, StringComparison.Ordinal);
        }
        finally
        {
            portal.StartMailServer();
        }

        portal.ManualClock.Now += TimeSpan.FromHours(1);
        var mail = Assert.Single(await portal.MailsAsync(Email("rita"), 1));
        Assert.Equal("gil gave you kudos.", mail.Subject);
        Assert.Contains("Thanks for the checklist.", MailPortalFactory.Text(mail), StringComparison.Ordinal);
        // The SMTP server holds the mail a moment before the outbox commits that it was sent.
        await Eventually.ThatAsync("Rita's mail to be recorded as sent",
            () => portal.WithDbAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.UserId == receiver)),
            m => m.Status == OutgoingMailStatus.Sent, describe: m => $"{m.Status} after {m.Attempts} attempts");
    }

    [Fact]
    public async Task DailyDigest_CollectsTheDaysNotifications_IntoOneMail_AfterTheDigestHour()
    {
        var dora = await UserAsync("dora", Roles.Contributor);
        var first = await UserAsync("fay", Roles.Staff);
        var second = await UserAsync("gus", Roles.Staff);
        var doraClient = await portal.SignInAsync(Email("dora"), PortalFactory.UserPassword);
        var chosen = await PortalFactory.PostFormAsync(doraClient, "/Notifications?handler=Mail", new() { ["frequency"] = nameof(MailFrequency.DailyDigest) }, "/Notifications");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        await WithAsync<RecognitionService, int>(async recognition =>
        {
            await recognition.GiveAsync(first, "fay", dora, "Great call notes.");
            await recognition.GiveAsync(second, "gus", dora, "Clear checklist.");
            return 0;
        });
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.UserId == dora)));
        Assert.Equal(2, await portal.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == dora && n.Mail == NotificationMailState.AwaitingDigest)));

        portal.ManualClock.Now = new DateTimeOffset(portal.ManualClock.Now.UtcDateTime.Date.AddDays(1).AddHours(7).AddMinutes(1), TimeSpan.Zero);
        var digest = Assert.Single(await portal.MailsAsync(Email("dora"), 1));
        Assert.Equal("KnowledgeKaizen: your daily digest (2)", digest.Subject);
        Assert.Contains("fay gave you kudos.", MailPortalFactory.Text(digest), StringComparison.Ordinal);
        Assert.Contains("gus gave you kudos.", MailPortalFactory.Text(digest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsubscribeLink_AsksFirst_ThenStopsTheMails_ButNotTheNotifications()
    {
        var uma = await UserAsync("uma", Roles.Contributor);
        var fan = await UserAsync("finn", Roles.Staff);
        await WithAsync<RecognitionService, int>(async r => { await r.GiveAsync(fan, "finn", uma, "Thank you!"); return 0; });
        var mail = Assert.Single(await portal.MailsAsync(Email("uma"), 1));
        var link = new Uri(UnsubscribeLink().Match(MailPortalFactory.Text(mail)).Value);

        var anonymous = portal.CreateBrowserlessClient();
        Assert.Contains("data-testid=\"unsubscribe-confirm\"", await anonymous.GetStringAsync(link.PathAndQuery), StringComparison.Ordinal);
        Assert.Equal(MailFrequency.Immediate, await FrequencyAsync(uma));
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        var done = await PortalFactory.PostFormAsync(anonymous, "/Account/Unsubscribe", new() { ["Token"] = token }, link.PathAndQuery);
        Assert.Contains("data-testid=\"unsubscribe-done\"", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(MailFrequency.Off, await FrequencyAsync(uma));

        var forged = await anonymous.GetStringAsync("/Account/Unsubscribe?token=" + Uri.EscapeDataString(token[..^4] + "AAAA"));
        Assert.Contains("data-testid=\"unsubscribe-invalid\"", forged, StringComparison.Ordinal);

        await WithAsync<RecognitionService, int>(async r => { await r.GiveAsync(await UserAsync("flo", Roles.Staff), "flo", uma, "Again, thanks."); return 0; });
        Assert.Equal(2, await portal.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == uma)));
        Assert.Equal(1, await portal.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.UserId == uma)));
    }

    private static string Email(string name) => $"{name}@notify.test";

    private static List<(string UserId, string Kind)> Sorted(IEnumerable<(string UserId, string Kind)> told) =>
        [.. told.OrderBy(t => t.Kind, StringComparer.Ordinal).ThenBy(t => t.UserId, StringComparer.Ordinal)];

    private Task<string> UserAsync(string name, string role) => portal.EnsureUserAsync(Email(name), role);

    private Task<MailFrequency> FrequencyAsync(string userId) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.MailNotifications).SingleAsync());

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        using var scope = portal.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [GeneratedRegex(@"http://portal\.test/Account/Unsubscribe\?token=\S+")]
    private static partial Regex UnsubscribeLink();
}
