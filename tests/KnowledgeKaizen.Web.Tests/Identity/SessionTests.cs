using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeKaizen.Web.Tests.Identity;

/// <summary>
/// A session ends on the server: after a sign-out, a lock, a change of roles or a new password, a copy of the old
/// sign-in cookie (another device, a stolen cookie) is refused on its very next request.
/// </summary>
public sealed partial class SessionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_NotOnlyInThisBrowser()
    {
        var (browser, copy) = await SessionWithCopyAsync("leaver@session.test", Roles.Contributor);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/Knowledge/Edit?kind=playbook")).StatusCode);

        await PortalFactory.PostFormAsync(browser, "/Account/Logout", []);

        AssertSignedOut(await copy.GetAsync("/Knowledge/Edit?kind=playbook"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.PostAsync("/api/v1/feedback", JsonContent.Create(new { channel = "web", type = "praise", text = "x" }))).StatusCode);
    }

    [Fact]
    public async Task Lock_EndsEveryOpenSession()
    {
        var id = await factory.EnsureUserAsync("locked@session.test", Roles.Contributor);
        var (_, copy) = await SessionWithCopyAsync("locked@session.test", Roles.Contributor);
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        await PortalFactory.PostFormAsync(admin, $"/Admin/Users?handler=Lock&id={id}&locked=true", [], "/Admin/Users");

        AssertSignedOut(await copy.GetAsync("/Knowledge/Edit?kind=playbook"));
    }

    [Fact]
    public async Task RoleRemoval_EndsTheSessionThatStillCarriesTheRole()
    {
        var id = await factory.EnsureUserAsync("demoted@session.test", Roles.KnowledgeManager, Roles.Staff);
        var (_, copy) = await SessionWithCopyAsync("demoted@session.test", Roles.KnowledgeManager);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/Knowledge/Review")).StatusCode);
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        await PortalFactory.PostFormAsync(admin, $"/Admin/Users/Edit/{id}", new() { ["Roles"] = Roles.Staff });

        AssertSignedOut(await copy.GetAsync("/Knowledge/Review"));
        var again = await factory.SignInAsync("demoted@session.test", PortalFactory.UserPassword);
        Assert.Contains("AccessDenied", (await again.GetAsync("/Knowledge/Review")).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordReset_EndsSessionsSignedInWithTheOldPassword()
    {
        var id = await factory.EnsureUserAsync("forgetful@session.test", Roles.Staff);
        var (_, copy) = await SessionWithCopyAsync("forgetful@session.test", Roles.Staff);
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var page = await (await PortalFactory.PostFormAsync(admin, $"/Admin/Users/Edit/{id}?handler=Invite", [], $"/Admin/Users/Edit/{id}")).Content.ReadAsStringAsync();
        var link = new Uri(WebUtility.HtmlDecode(InviteLink().Match(page).Groups[1].Value));
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);

        var reset = await PortalFactory.PostFormAsync(factory.CreateBrowserlessClient(), link.PathAndQuery, new()
        {
            ["Input.Password"] = "Brand-new-Passw0rd",
            ["Input.ConfirmPassword"] = "Brand-new-Passw0rd",
            ["UserId"] = query["userId"]!,
            ["Token"] = query["token"]!,
        });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        AssertSignedOut(await copy.GetAsync("/"));
    }

    [Fact]
    public async Task ChangingOnesOwnPassword_KeepsThisSession_AndEndsTheOthers()
    {
        var (browser, copy) = await SessionWithCopyAsync("careful@session.test", Roles.Staff);

        var changed = await PortalFactory.PostFormAsync(browser, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = PortalFactory.UserPassword,
            ["Input.NewPassword"] = "Changed-Passw0rd",
            ["Input.ConfirmPassword"] = "Changed-Passw0rd",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        AssertSignedOut(await copy.GetAsync("/"));
    }

    [Fact]
    public async Task AdminsSignOutEverywhere_EndsTheUsersSessions()
    {
        var id = await factory.EnsureUserAsync("lostlaptop@session.test", Roles.Staff);
        var (_, copy) = await SessionWithCopyAsync("lostlaptop@session.test", Roles.Staff);
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        await PortalFactory.PostFormAsync(admin, $"/Admin/Users/Edit/{id}?handler=EndSessions", [], $"/Admin/Users/Edit/{id}");

        AssertSignedOut(await copy.GetAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
    }

    private static void AssertSignedOut(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Signs in through the form; returns that browser and a second client sending only a copy of its sign-in cookie.</summary>
    private async Task<(HttpClient Browser, HttpClient Copy)> SessionWithCopyAsync(string email, params string[] roles)
    {
        await factory.EnsureUserAsync(email, roles);
        var browser = factory.CreateBrowserlessClient();
        var login = await PortalFactory.PostFormAsync(browser, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = PortalFactory.UserPassword });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("kk.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return (browser, copy);
    }

    [GeneratedRegex("id=\"invite-link\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex InviteLink();
}
