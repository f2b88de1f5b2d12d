using System.Diagnostics;

namespace KnowledgeKaizen.Web.Tests.Data;

/// <summary>The built portal as a process of its own (dotnet KnowledgeKaizen.Web.dll), its output collected as it runs.</summary>
internal sealed class WebProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebProcess(IEnumerable<(string Key, string Value)> environment, params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "KnowledgeKaizen.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0", .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Collect(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, error: true);
        process.Exited += (_, _) => listening.TrySetException(new Xunit.Sdk.XunitException($"The portal exited with {process.ExitCode}:\n{Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

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

    /// <summary>What the process wrote to stderr.</summary>
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

    /// <summary>Completes when the portal says it listens, that is once its start-up tasks are done.</summary>
    public Task Listening => listening.Task;

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> ExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("The portal kept running instead of stopping:\n" + Output);
        }

        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Collect(string? line, bool error)
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
        }

        if (line.Contains("KnowledgeKaizen is listening on", StringComparison.Ordinal))
        {
            listening.TrySetResult();
        }
    }
}
