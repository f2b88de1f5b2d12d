namespace KnowledgeKaizen.Browser.Tests.Infrastructure;

/// <summary>Page object for the sign-in form and the user menu.</summary>
public static class SignIn
{
    public static async Task AsAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        // By the form's fields, not their labels: the page may be in any language.
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        // Signed in once the layout shows the user menu (waiting for the URL races the navigation's load event).
        await Assertions.Expect(page.GetByTestId("user-menu")).ToBeVisibleAsync();
    }

    public static async Task OutAsync(IPage page, string signOutLabel = "Sign out")
    {
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = signOutLabel }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }
}
