namespace KnowledgeKaizen.Browser.Tests.Knowledge;

/// <summary>Page object for the Markdown editor (EasyMDE over CodeMirror).</summary>
public static class EditorPage
{
    public static async Task WriteNewPlaybookAsync(IPage page, string title, string body)
    {
        await page.GotoAsync("/Knowledge/Edit?kind=playbook");
        await page.GetByTestId("title").FillAsync(title);
        await SetBodyAsync(page, body);
        await SaveAsync(page);
    }

    public static async Task SetBodyAsync(IPage page, string body)
    {
        await page.Locator(".CodeMirror").WaitForAsync();
        await page.EvaluateAsync("text => document.querySelector('.CodeMirror').CodeMirror.setValue(text)", body);
    }

    public static async Task SaveAsync(IPage page)
    {
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Knowledge/Details/"));
    }
}
