using System.Text;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// The real app in a process of its own (the built KnowledgeKaizen.Web assembly run with <c>dotnet</c>), for what only
/// another process shows: a SIGKILL at a known moment and the restart after it, a load run over real sockets. Settings
/// are passed as command-line configuration (<c>--Section:Key=value</c>); output is kept for failure messages.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();

    private PortalProcess(Process process, string? baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => Keep(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => Keep(e.Data, error: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The Web assembly beside the running test (or benchmark) binaries.</summary>
    public static string WebAssembly => Path.Combine(AppContext.BaseDirectory, "KnowledgeKaizen.Web.dll");

    /// <summary>Where the portal listens (null for a command).</summary>
    public string? BaseUrl { get; }

    public bool HasExited => process.HasExited;

    /// <summary>What the process printed so far (its last 64 KB), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>What the process wrote to stderr only (a failed start-up's one line), for assertions.</summary>
    public string Errors
    {
        get
        {
            lock (output)
            {
                return errors.ToString();
            }
        }
    }

    /// <summary>Runs a command of the app (<c>import</c>, <c>restore</c>…) with these arguments and settings.</summary>
    public static PortalProcess Run(string webDll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(Process.Start(StartInfo(webDll, [.. arguments, .. Arguments(settings)])) ?? throw new InvalidOperationException("dotnet did not start"), null);

    /// <summary>
    /// Starts the portal with these settings (on a free port, should it start after all) and waits for it to stop by
    /// itself, as a start-up refusing a bad setting does; returns its exit code and the lines it wrote to stderr.
    /// </summary>
    public static async Task<(int Exit, string[] Errors)> RefusedStartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan deadline)
    {
        await using var portal = Run(WebAssembly, [], new Dictionary<string, string?>(settings) { ["urls"] = "http://127.0.0.1:0" });
        var exit = await portal.WaitForExitAsync(deadline);
        return (exit, portal.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// Serves the portal on a free port of 127.0.0.1 on <paramref name="dataFolder"/>, and waits until it answers.
    /// <paramref name="contentRoot"/> is where it finds wwwroot and the relative content and seed paths (the web project's
    /// folder, as <c>dotnet run</c> does); by default the build output folder, which holds neither. A <paramref name="port"/>
    /// serves again where an earlier process served (behind a proxy that knows the address).
    /// </summary>
    public static async Task<PortalProcess> ServeAsync(string webDll, string dataFolder, IReadOnlyDictionary<string, string?>? settings = null,
        string? contentRoot = null, int? port = null)
    {
        var url = $"http://127.0.0.1:{port ?? FreePorts.Next()}";
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["urls"] = url,
            ["KnowledgeKaizen:DataPath"] = dataFolder,
        };
        var portal = new PortalProcess(Process.Start(StartInfo(webDll, Arguments(all), contentRoot)) ?? throw new InvalidOperationException("dotnet did not start"), url);
        using var probe = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            // On a time-out the failure shows the end of what the portal printed.
            await Eventually.ThatAsync("the portal to answer /healthz", async () =>
            {
                if (portal.HasExited)
                {
                    throw new InvalidOperationException($"The portal exited with code {portal.process.ExitCode}:\n{portal.Output}");
                }

                try
                {
                    return (await probe.GetAsync("/healthz")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, ready => ready, TimeSpan.FromMinutes(5), _ => "no answer yet; the portal printed:\n" + string.Join('\n', portal.Output.Split('\n').TakeLast(30)));
        }
        catch
        {
            // A portal that did not come up is not left running.
            await portal.DisposeAsync();
            throw;
        }

        return portal;
    }

    /// <summary>A client of the served portal that keeps cookies (in <paramref name="cookies"/> when given) and does not follow redirects.</summary>
    public HttpClient CreateClient(TimeSpan? timeout = null, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl ?? throw new InvalidOperationException("A command serves nothing.")),
            Timeout = timeout ?? TimeSpan.FromMinutes(2),
        };

    /// <summary>Signs in through the login form; returns a client carrying the cookie (kept in <paramref name="cookies"/> when given).</summary>
    public async Task<HttpClient> SignInAsync(string email, string password, CookieContainer? cookies = null)
    {
        var client = CreateClient(cookies: cookies);
        var response = await PortalFactory.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        return response.StatusCode == HttpStatusCode.Redirect ? client
            : throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode} instead of a redirect.");
    }

    /// <summary>Waits for the process to end by itself (a command, or a start-up that fails); returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The process kept running for {deadline} instead of ending:\n{Output}");
        }

        return process.ExitCode;
    }

    /// <summary>SIGKILL (kill -9): no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string webDll, IEnumerable<string> arguments, string? contentRoot = null)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", webDll, .. arguments])
        {
            WorkingDirectory = contentRoot ?? Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    private static IEnumerable<string> Arguments(IReadOnlyDictionary<string, string?>? settings) =>
        (settings ?? new Dictionary<string, string?>()).Select(s => $"--{s.Key}={s.Value}");

    private void Keep(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
            if (error)
            {
                errors.AppendLine(line);
            }

            if (output.Length > 65_536)
            {
                output.Remove(0, output.Length - 65_536);
            }
        }
    }

}
