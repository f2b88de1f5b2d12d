using KnowledgeKaizen.Core.Audit;
using static KnowledgeKaizen.Web.Tests.Knowledge.KnowledgeClient;

namespace KnowledgeKaizen.Web.Tests.Audit;

/// <summary>What people do through the real pages and APIs lands in the audit log, which Admins search and download.</summary>
public sealed class AuditPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SignIns_SucceededAndFailed_AreRecordedWithTheAccountAndReason()
    {
        await factory.EnsureUserAsync("auditee@audit.test", Roles.Staff);
        await factory.SignInAsync("auditee@audit.test", PortalFactory.UserPassword);
        var stranger = factory.CreateBrowserlessClient();
        await PortalFactory.PostFormAsync(stranger, "/Account/Login", new() { ["Input.Email"] = "auditee@audit.test", ["Input.Password"] = "not-the-password" });
        await PortalFactory.PostFormAsync(stranger, "/Account/Login", new() { ["Input.Email"] = "nobody@audit.test", ["Input.Password"] = "whatever-1234" });

        var entries = await EntriesAsync();

        Assert.Contains(entries, e => e.Action == AuditActions.SignedIn && e.ActorName == "auditee@audit.test");
        Assert.Contains(entries, e => e.Action == AuditActions.SignInFailed && e.Target == "auditee@audit.test" && e.Detail == "wrong password");
        Assert.Contains(entries, e => e.Action == AuditActions.SignInFailed && e.Target == "nobody@audit.test" && e.Detail == "unknown account");
    }

    [Fact]
    public async Task AccountsTokensReviewsAndExports_AreRecordedWithWhoDidThem()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var id = await factory.EnsureUserAsync("changed@audit.test", Roles.Staff);
        await PortalFactory.PostFormAsync(admin, $"/Admin/Users/Edit/{id}", new() { ["Roles"] = Roles.Contributor });
        await PortalFactory.PostFormAsync(admin, $"/Admin/Users?handler=Lock&id={id}&locked=true", [], "/Admin/Users");
        await PortalFactory.PostFormAsync(admin, "/Imports/Tokens?handler=Create", new() { ["Name"] = "nightly-crm" }, "/Imports/Tokens");
        var tokenId = await factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "nightly-crm").Select(t => t.Id).SingleAsync());
        await PortalFactory.PostFormAsync(admin, $"/Imports/Tokens?handler=Revoke&id={tokenId}", [], "/Imports/Tokens");
        var managerId = await factory.EnsureUserAsync("km@audit.test", Roles.KnowledgeManager);
        var manager = await factory.SignInAsync("km@audit.test", PortalFactory.UserPassword);
        var document = await CreatePlaybookAsync(manager, "Audited playbook", "## What I do\n\nCall back.\n");
        await ActAsync(manager, document, "Submit");
        await ReviewAsync(manager, document, "Return", "Add the numbers.");
        await ActAsync(manager, document, "Archive");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Knowledge/Library?handler=Export")).StatusCode);

        var entries = await EntriesAsync();

        Assert.Contains(entries, e => e.Action == AuditActions.RolesChanged && e.Target == "changed@audit.test" && e.Detail == "Contributor" && e.ActorUserId != null && e.ActorName != "system");
        Assert.Contains(entries, e => e.Action == AuditActions.Locked && e.Target == "changed@audit.test");
        Assert.Contains(entries, e => e.Action == AuditActions.TokenCreated && e.Target == "token:nightly-crm");
        Assert.Contains(entries, e => e.Action == AuditActions.TokenRevoked && e.Target == "token:nightly-crm" && e.ActorUserId != null);
        Assert.Contains(entries, e => e.Action == AuditActions.DocumentReturned && e.Target == $"Playbook #{document} Audited playbook" && e.Detail == "revision 1: Add the numbers.");
        Assert.Contains(entries, e => e.Action == AuditActions.DocumentArchived && e.ActorUserId == managerId);
        Assert.Contains(entries, e => e.Action == AuditActions.Exported && e.Target.StartsWith("knowledgekaizen-content-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminPage_FiltersPagesAndDownloadsFormulaSafeCsv()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        for (var i = 0; i < 55; i++)
        {
            await PortalFactory.PostFormAsync(factory.CreateBrowserlessClient(), "/Account/Login",
                new() { ["Input.Email"] = $"=cmd|' /C calc'!A{i}@audit.test", ["Input.Password"] = "wrong-password" });
        }

        var first = await admin.GetStringAsync("/Admin/Audit?action=sign-in-failed&target=calc");
        var second = await admin.GetStringAsync("/Admin/Audit?action=sign-in-failed&target=calc&pageNumber=2");
        var csv = await admin.GetAsync("/Admin/Audit?handler=Csv&action=sign-in-failed&target=calc");
        var body = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());

        Assert.Contains("55 entries", first, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"audit-next\"", first, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", second, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(56, body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(",'=cmd|' /C calc'!A0@audit.test,", body, StringComparison.Ordinal);
        Assert.Contains(await EntriesAsync(), e => e.Action == AuditActions.Exported && e.Target == "Audit log (55 entries)");
    }

    [Fact]
    public void EveryActionLabel_HasAChineseTranslation()
    {
        var translations = Directory.GetFiles(Path.Combine(RepoPaths.WebProject, "Resources", "zh-Hans"), "*.json")
            .SelectMany(f => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!.Keys)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(AuditActions.All, a => Assert.Contains(a.Label, translations));
    }

    private Task<List<AuditEntry>> EntriesAsync() => factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
}
