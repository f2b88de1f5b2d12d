namespace KnowledgeKaizen.Browser.Tests.Identity;

public sealed class AdminInvitesUserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_CreatesAUserWithARole_WhoSignsIn_SwitchesToChinese_AndSignsOut()
    {
        var page = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(page, nameof(Admin_CreatesAUserWithARole_WhoSignsIn_SwitchesToChinese_AndSignsOut), async () =>
        {
            await SignIn.AsAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.GotoAsync("/Admin/Users");
            await page.GetByRole(AriaRole.Link, new() { Name = "Invite a user" }).ClickAsync();
            await page.GetByLabel("Name").FillAsync("Carla Contributor");
            await page.GetByLabel("Email").FillAsync("carla@browser.test");
            await page.GetByLabel("Staff").UncheckAsync();
            await page.GetByLabel("Contributor").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Create and get invite link" }).ClickAsync();
            var invite = await page.GetByLabel("Invite link").InputValueAsync();
            Assert.Contains("/Account/AcceptInvite", invite, StringComparison.Ordinal);
            await SignIn.OutAsync(page);

            await page.GotoAsync(invite);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Carla-Passw0rd");
            await page.GetByLabel("Repeat password").FillAsync("Carla-Passw0rd");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
            // Accepting signs the new user in: straight to the home page, no second sign-in.
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("you are signed in");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to KnowledgeKaizen" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("user-menu")).ToContainTextAsync("Carla Contributor");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "欢迎使用 KnowledgeKaizen 知识改善平台" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");

            await SignIn.OutAsync(page, "退出登录");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();

            // The used link says so before asking for a password.
            await page.GotoAsync(invite);
            await Assertions.Expect(page.GetByTestId("invite-used")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("确认密码")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task StaffUser_OpeningAnAdminPage_SeesTheAccessDeniedPage()
    {
        await fixture.Server.EnsureUserAsync("sam@browser.test", "Staff");
        var page = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(page, nameof(StaffUser_OpeningAnAdminPage_SeesTheAccessDeniedPage), async () =>
        {
            await SignIn.AsAsync(page, "sam@browser.test", PortalFactory.UserPassword);
            var response = await page.GotoAsync("/Admin/Users");
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        });
    }
}
