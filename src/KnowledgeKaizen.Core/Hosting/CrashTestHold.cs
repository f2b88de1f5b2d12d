namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// For crash tests: long work stops at a known point, writes a marker file (so the test knows it is there) and waits until
/// its process is killed. Only reached when a crash-test setting names the marker; unset in any real deployment.
/// </summary>
public static class CrashTestHold
{
    public static async Task UntilKilledAsync(string marker, string point, CancellationToken ct)
    {
        await File.WriteAllTextAsync(marker, point, ct);
        await Task.Delay(Timeout.Infinite, ct);
    }
}
