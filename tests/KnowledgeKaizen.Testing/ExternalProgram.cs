namespace KnowledgeKaizen.Testing;

/// <summary>Runs a program the tests need to its end (PostgreSQL's tools, chown, runuser); a failure says what it printed.</summary>
public static class ExternalProgram
{
    /// <summary>Runs <paramref name="program"/> and waits for it (five minutes at most, then it is killed); throws unless it exits with 0.</summary>
    public static async Task RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException)
        {
            // A program that hangs is not left running after the test that started it.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran for five minutes without ending.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }
}
