namespace KnowledgeKaizen.Web.Tests.Identity;

public sealed class UserAdministrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admin_InvitesAUser_WhoSetsAPassword_AndSignsInWithTheChosenRole()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var created = await PortalFactory.PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.DisplayName"] = "Trainer Tina",
            ["Input.Email"] = "tina@invite.test",
            ["Input.Roles"] = Roles.Trainer,
        });
        var html = await created.Content.ReadAsStringAsync();
        var link = Regex.Match(html, "id=\"invite-link\"[^>]*value=\"([^\"]+)\"");
        Assert.True(link.Success, "The invite link was not shown.");
        var invite = new Uri(WebUtility.HtmlDecode(link.Groups[1].Value));

        var invitee = factory.CreateBrowserlessClient();
        var accepted = await PortalFactory.PostFormAsync(invitee, invite.PathAndQuery, new()
        {
            ["Input.Password"] = "Chosen-Passw0rd",
            ["Input.ConfirmPassword"] = "Chosen-Passw0rd",
            ["UserId"] = System.Web.HttpUtility.ParseQueryString(invite.Query)["userId"]!,
            ["Token"] = System.Web.HttpUtility.ParseQueryString(invite.Query)["token"]!,
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", accepted.Headers.Location!.OriginalString);

        // Accepting signed the invitee in.
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync("/")).StatusCode);
        var denied = await invitee.GetAsync("/Admin/Users");
        Assert.Contains("AccessDenied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var tina = await factory.SignInAsync("tina@invite.test", "Chosen-Passw0rd");
        Assert.Equal(HttpStatusCode.OK, (await tina.GetAsync("/")).StatusCode);

        // The used link says so, before asking for a password, and cannot set one again.
        var again = factory.CreateBrowserlessClient();
        var page = await again.GetStringAsync(invite.PathAndQuery);
        Assert.Contains("data-testid=\"invite-used\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Password", page, StringComparison.Ordinal);
        var reuse = await again.PostAsync(invite.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Password"] = "Another-Passw0rd",
            ["Input.ConfirmPassword"] = "Another-Passw0rd",
            ["__RequestVerificationToken"] = await PortalFactory.AntiforgeryTokenAsync(again, "/Account/Login"),
        }));
        Assert.Contains("data-testid=\"invite-used\"", await reuse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await factory.SignInAsync("tina@invite.test", "Chosen-Passw0rd");
    }

    [Fact]
    public async Task InviteWithoutRole_IsRefusedWithAMessage()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var response = await PortalFactory.PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.DisplayName"] = "No Role",
            ["Input.Email"] = "norole@invite.test",
            ["Input.Roles"] = "NotARole",
        });
        Assert.Contains("Choose at least one role.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockedUser_CannotSignIn_UntilUnlocked()
    {
        var id = await factory.EnsureUserAsync("locked@invite.test", Roles.Staff);
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await PortalFactory.PostFormAsync(admin, $"/Admin/Users?handler=Lock&id={id}&locked=true", [], "/Admin/Users");

        var attempt = await PortalFactory.PostFormAsync(factory.CreateBrowserlessClient(), "/Account/Login",
            new() { ["Input.Email"] = "locked@invite.test", ["Input.Password"] = PortalFactory.UserPassword });
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);

        await PortalFactory.PostFormAsync(admin, $"/Admin/Users?handler=Lock&id={id}&locked=false", [], "/Admin/Users");
        await factory.SignInAsync("locked@invite.test", PortalFactory.UserPassword);
    }

    [Fact]
    public async Task Admin_CannotRemoveTheirOwnAdminRole()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var id = await factory.EnsureUserAsync(PortalFactory.AdminEmail);
        var response = await PortalFactory.PostFormAsync(admin, $"/Admin/Users/Edit/{id}", new() { ["Roles"] = Roles.Staff });
        Assert.Contains("You cannot remove your own Admin role.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
