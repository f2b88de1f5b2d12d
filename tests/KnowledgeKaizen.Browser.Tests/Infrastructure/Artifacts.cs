namespace KnowledgeKaizen.Browser.Tests.Infrastructure;

/// <summary>Runs a browser scenario and keeps a screenshot of the page when it fails.</summary>
public static class Artifacts
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public static Task CaptureOnFailureAsync(IPage page, string scenario, Func<Task> body) =>
        CaptureOnFailureAsync(page, scenario, async () =>
        {
            await body();
            return true;
        });

    public static async Task<T> CaptureOnFailureAsync<T>(IPage page, string scenario, Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch
        {
            Directory.CreateDirectory(Folder);
            var file = Path.Combine(Folder, $"{scenario}-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Console.WriteLine($"Screenshot of the failure: {file}");
            throw;
        }
    }
}
