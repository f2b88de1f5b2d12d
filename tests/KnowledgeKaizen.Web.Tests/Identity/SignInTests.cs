namespace KnowledgeKaizen.Web.Tests.Identity;

public sealed class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task FirstAdmin_FromConfiguration_CanSignInAndSeeUsers()
    {
        var client = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var html = await client.GetStringAsync("/Admin/Users");
        Assert.Contains(PortalFactory.AdminEmail, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_ShowsAClearMessage_AndStaysOnTheForm()
    {
        await factory.EnsureUserAsync("wrong@signin.test", Roles.Staff);
        var client = factory.CreateBrowserlessClient();
        var response = await PortalFactory.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "wrong@signin.test", ["Input.Password"] = "nope-nope-1A" });
        Assert.Contains("Wrong email or password.", await response.BodyAsync(HttpStatusCode.OK), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightPassword()
    {
        await factory.EnsureUserAsync("lockout@signin.test", Roles.Staff);
        var client = factory.CreateBrowserlessClient();
        for (var i = 0; i < 5; i++)
        {
            await PortalFactory.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "lockout@signin.test", ["Input.Password"] = $"wrong-Pass{i}" });
        }

        var response = await PortalFactory.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "lockout@signin.test", ["Input.Password"] = PortalFactory.UserPassword });
        Assert.Contains("locked", await response.BodyAsync(HttpStatusCode.OK), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LoginWithoutAntiforgeryToken_IsRejected()
    {
        var client = factory.CreateBrowserlessClient();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = PortalFactory.AdminEmail,
            ["Input.Password"] = PortalFactory.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OpenRedirect_AfterSignIn_GoesHomeInstead()
    {
        var client = factory.CreateBrowserlessClient();
        var response = await PortalFactory.PostFormAsync(client, "/Account/Login?ReturnUrl=%2F%2Fevil.example", new()
        {
            ["Input.Email"] = PortalFactory.AdminEmail,
            ["Input.Password"] = PortalFactory.AdminPassword,
            ["ReturnUrl"] = "//evil.example",
        }, "/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SelfRegistration_IsClosedByDefault()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/Account/Register");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
