namespace KnowledgeKaizen.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download cannot work here), plus the
/// portal on a real port. One per test class.
/// </summary>
/// <typeparam name="TPortal">The portal variant (e.g. with demo data); its own data folder per fixture.</typeparam>
public class BrowserFixture<TPortal> : IAsyncLifetime
    where TPortal : PortalFactory, new()
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("KK_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public TPortal Server { get; } = new();

    public string BaseUrl { get; private set; } = null!;

    /// <summary>Deadlines, not waits: generous, because a loaded machine may be many times slower than a quiet one.</summary>
    private const float Deadline = 60_000;

    public virtual async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(Deadline);
        BaseUrl = Server.StartOnRealPort();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) with the given UI language.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale });
        context.SetDefaultTimeout(Deadline);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        Server.Dispose();
    }
}

/// <summary>The browser fixture on a portal without demo data.</summary>
public sealed class BrowserFixture : BrowserFixture<PortalFactory>;
