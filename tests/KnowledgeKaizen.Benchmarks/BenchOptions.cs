namespace KnowledgeKaizen.Benchmarks;

/// <summary>Command-line options and machine state, the same for every benchmark.</summary>
internal static class BenchOptions
{
    /// <summary>The value after <paramref name="name"/> ("--web x.dll"), or null.</summary>
    public static string? Text(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>A positive number after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static int Int(string[] args, string name, int fallback) =>
        int.TryParse(Text(args, name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    /// <summary>The 1/5/15-minute load averages (Linux), so a reader can judge how quiet the machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The 1-minute load average alone, for a table cell per round.</summary>
    public static string OneMinuteLoad() => LoadAverage().Split(' ')[0];
}
