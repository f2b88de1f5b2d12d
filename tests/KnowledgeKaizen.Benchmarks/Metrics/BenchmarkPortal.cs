namespace KnowledgeKaizen.Benchmarks.Metrics;

/// <summary>
/// The real portal (Release build of KnowledgeKaizen.Web, Kestrel) served as a child process by the tests'
/// <see cref="PortalProcess"/>, with a signed-in Admin client — so a timed GET covers routing, auth, the page model, the
/// metrics and the Razor rendering, as a browser would see it (minus the network).
/// </summary>
internal sealed class BenchmarkPortal : IAsyncDisposable
{
    public const string AdminEmail = "admin@bench.test";
    private const string AdminPassword = "Bench-Admin-2026";
    private readonly PortalProcess process;
    private readonly CookieContainer cookies;

    private BenchmarkPortal(PortalProcess process, HttpClient client, CookieContainer cookies)
    {
        this.process = process;
        this.cookies = cookies;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The signed-in session's cookies as one Cookie header (for load generators outside this process).</summary>
    public string CookieHeader => cookies.GetCookieHeader(Client.BaseAddress!);

    /// <summary>
    /// Serves the portal on <paramref name="dataFolder"/> (loading the demo data when asked) and signs in as Admin.
    /// <paramref name="contentRoot"/> is where it finds wwwroot and the content and seed paths (see <see cref="PortalProcess.ServeAsync"/>).
    /// </summary>
    /// <remarks><paramref name="settings"/> adds to or overrides the portal's settings (e.g. the database).</remarks>
    public static async Task<BenchmarkPortal> StartAsync(string webDll, string dataFolder, bool demoData = false, string? contentRoot = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:LoadDemoData"] = demoData ? "true" : "false",
            ["KnowledgeKaizen:AdminEmail"] = AdminEmail,
            ["KK_ADMIN_PASSWORD"] = AdminPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var process = await PortalProcess.ServeAsync(webDll, dataFolder, all, contentRoot);
        var cookies = new CookieContainer();
        var client = await process.SignInAsync(AdminEmail, AdminPassword, cookies);
        return new BenchmarkPortal(process, client, cookies);
    }

    /// <summary>GETs a page and reads the whole body; fails unless it is 200.</summary>
    public async Task<int> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
        }

        return body.Length;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await process.DisposeAsync();
    }
}
