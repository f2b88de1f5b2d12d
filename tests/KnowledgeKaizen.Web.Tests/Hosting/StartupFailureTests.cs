using System.Diagnostics;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>Runs the real executable: a bad setting must end start-up with one line naming it.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task UnwritableDataFolder_StopsStartup_WithOneLineNamingTheSetting()
    {
        using var temp = new TempFolder("startup");
        var blocker = temp.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the data folder should be");

        var (exit, stderr) = await RunWebAsync(("KnowledgeKaizen__DataPath", Path.Combine(blocker, "data")));

        Assert.Equal(1, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("KnowledgeKaizen:DataPath", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidAdminEmail_StopsStartup_NamingTheSetting()
    {
        using var data = new TempFolder("bad-setting");
        var (exit, stderr) = await RunWebAsync(("KnowledgeKaizen__DataPath", data.Path), ("KnowledgeKaizen__AdminEmail", "not-an-email"));
        Assert.Equal(1, exit);
        Assert.Contains("AdminEmail", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsLeftUnderARenamedSection_StopStartup_NamingTheNewSection()
    {
        using var data = new TempFolder("renamed-section");
        var (exit, stderr) = await RunWebAsync(("KnowledgeKaizen__DataPath", data.Path), ("Insights__Performance__TargetFdr", "0.05"));
        Assert.Equal(1, exit);
        Assert.Contains("Insights:Performance was renamed to Insights:Evidence", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFileStore_StopsStartup_WithOneLineNamingTheSetting()
    {
        using var data = new TempFolder("bad-file-store");
        var (exit, stderr) = await RunWebAsync(("KnowledgeKaizen__DataPath", data.Path), ("KnowledgeKaizen__Files__Store", "S3"));
        Assert.Equal(1, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("KnowledgeKaizen:Files:Store must be DataFolder or Database", lines[0], StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stderr)> RunWebAsync(params (string Key, string Value)[] environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "KnowledgeKaizen.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("The app kept running instead of refusing the bad setting.");
        }

        return (process.ExitCode, (await stderr).Trim());
    }
}
