using Microsoft.Playwright;

namespace KnowledgeKaizen.Browser.Tests.Infrastructure;

/// <summary>Page object for the sign-in form and the user menu.</summary>
public static class SignIn
{
    public static async Task AsAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    public static async Task OutAsync(IPage page, string signOutLabel = "Sign out")
    {
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = signOutLabel }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");
    }
}
