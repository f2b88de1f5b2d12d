using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Web.Hosting;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>
/// Command-line import against the configured database, through the same pipeline as the portal:
/// <c>dotnet run --project src/KnowledgeKaizen.Web -- import &lt;kind&gt; &lt;file&gt; [--dry-run] [--valid-rows-only]</c>.
/// Other arguments are configuration (e.g. <c>--KnowledgeKaizen:DataPath=/srv/kk</c>). Exit code 0 when
/// the file was applied (or a dry run found no problem), 1 otherwise.
/// </summary>
public static class ImportCommand
{
    public static bool IsImport(string[] args) => args is ["import", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        var stdout = output ?? Console.Out;
        var (positional, flags, configuration) = CommandHost.Split(args, "--dry-run", "--valid-rows-only");
        if (positional.Count != 2 || !ImportKinds.TryParse(positional[0], out var kind))
        {
            await stdout.WriteLineAsync("Usage: import <kind> <file> [--dry-run] [--valid-rows-only]");
            await stdout.WriteLineAsync("Kinds, in load order: " + string.Join(", ", ImportKinds.LoadOrder.Select(k => k.Slug())));
            return 1;
        }

        var file = Path.GetFullPath(positional[1]);
        if (!File.Exists(file))
        {
            await stdout.WriteLineAsync($"No such file: {file}");
            return 1;
        }

        // Schema and recovery only: the demo data and the web's own start-up work do not belong to an import.
        await using var app = await CommandHost.StartAsync(configuration, services => services.AddIngestion(), stdout, "Import failed");
        if (app is null)
        {
            return 1;
        }

        using var scope = app.Services.CreateScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
        ImportRecord record;
        await using (var content = File.OpenRead(file))
        {
            record = await imports.ReceiveAsync(content, Path.GetFileName(file), kind,
                flags.Contains("--valid-rows-only") ? ImportMode.ValidRowsOnly : ImportMode.AllOrNothing, flags.Contains("--dry-run"),
                ImportSource.CommandLine, Environment.UserName, long.MaxValue);
        }

        var report = await imports.RunAsync(record.Id);
        await PrintAsync(stdout, report);
        return report.Applied || (report.DryRun && report.TotalProblems == 0) ? 0 : 1;
    }

    private static async Task PrintAsync(TextWriter stdout, ImportReport report)
    {
        await stdout.WriteLineAsync(report.Summary() + $" in {report.Seconds:0.00} s");
        foreach (var warning in report.Warnings)
        {
            await stdout.WriteLineAsync("warning: " + warning);
        }

        foreach (var p in report.Problems.Take(50))
        {
            await stdout.WriteLineAsync(p.Line == 0 ? $"file: {p.Reason}" : $"line {p.Line}{(p.Column is null ? "" : $", {p.Column}")}: {p.Reason}");
        }

        if (report.TotalProblems > 50)
        {
            await stdout.WriteLineAsync($"… and {report.TotalProblems - 50} more problems.");
        }
    }
}
