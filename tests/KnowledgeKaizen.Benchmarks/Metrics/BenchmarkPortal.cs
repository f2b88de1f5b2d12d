using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using KnowledgeKaizen.Testing;

namespace KnowledgeKaizen.Benchmarks.Metrics;

/// <summary>
/// The real portal (Release build of KnowledgeKaizen.Web, Kestrel) started as a child process on a given
/// data folder, with a signed-in Admin client — so a timed GET covers routing, auth, the page model, the
/// metrics and the Razor rendering, as a browser would see it (minus the network).
/// </summary>
internal sealed partial class BenchmarkPortal : IAsyncDisposable
{
    public const string AdminEmail = "admin@bench.test";
    private const string AdminPassword = "Bench-Admin-2026";
    private readonly Process process;

    private BenchmarkPortal(Process process, HttpClient client)
    {
        this.process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The signed-in session's cookies as one Cookie header (for load generators outside this process).</summary>
    public string CookieHeader => ((HttpClientHandler)Handler).CookieContainer.GetCookieHeader(Client.BaseAddress!);

    private HttpMessageHandler Handler { get; init; } = null!;

    /// <summary>
    /// Starts the portal on <paramref name="dataFolder"/> (loading the demo data when asked) and signs in as Admin.
    /// <paramref name="contentRoot"/> is where it finds wwwroot and the relative content and seed paths (the web
    /// project's folder, as <c>dotnet run</c> does); by default the build output folder, which holds neither.
    /// </summary>
    public static async Task<BenchmarkPortal> StartAsync(string webDll, string dataFolder, bool demoData = false, string? contentRoot = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [webDll])
        {
            WorkingDirectory = contentRoot ?? Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["KnowledgeKaizen__DataPath"] = dataFolder,
                ["KnowledgeKaizen__LoadDemoData"] = demoData ? "true" : "false",
                ["KnowledgeKaizen__AdminEmail"] = AdminEmail,
                ["KK_ADMIN_PASSWORD"] = AdminPassword,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[portal] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromMinutes(5),
        };
        var portal = new BenchmarkPortal(process, client) { Handler = handler };
        await Eventually.TrueAsync("the portal to answer its sign-in page", async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode}");
            }

            try
            {
                return (await client.GetAsync("/Account/Login")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromMinutes(5));

        var login = await client.GetStringAsync("/Account/Login");
        var token = Token().Match(login).Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = AdminEmail, ["Input.Password"] = AdminPassword, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }

        return portal;
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
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
