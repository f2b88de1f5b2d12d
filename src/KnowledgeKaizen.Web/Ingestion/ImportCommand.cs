namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>
/// Command-line import against the configured database, through the same pipeline as the portal:
/// <c>dotnet run --project src/KnowledgeKaizen.Web -- import &lt;kind&gt; &lt;file&gt; [--dry-run] [--valid-rows-only]
/// [--mapping &lt;name&gt;] [--companion &lt;name&gt;=&lt;file&gt;]…</c>. Other arguments are configuration (e.g.
/// <c>--KnowledgeKaizen:DataPath=/srv/kk</c>). Exit code 0 when the file was applied (or a dry run found no problem),
/// 1 otherwise.
/// </summary>
public static class ImportCommand
{
    private const string Usage = "Usage: import <kind> <file> [--dry-run] [--valid-rows-only] [--mapping <name>] [--companion <name>=<file>]...";

    public static bool IsImport(string[] args) => args is ["import", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        var stdout = output ?? Console.Out;
        var (options, rest) = Options(args.Skip(1).ToList(), "--mapping", "--companion");
        var (positional, flags, configuration) = CommandHost.Split([args[0], .. rest], "--dry-run", "--valid-rows-only");
        if (positional.Count != 2 || !ImportKinds.TryParse(positional[0], out var kind) || options["--mapping"].Count > 1)
        {
            await stdout.WriteLineAsync(Usage);
            await stdout.WriteLineAsync("Kinds, in load order: " + string.Join(", ", ImportKinds.LoadOrder.Select(k => k.Slug())));
            return 1;
        }

        var files = new List<string> { Path.GetFullPath(positional[1]) };
        var companions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var companion in options["--companion"])
        {
            var split = companion.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                await stdout.WriteLineAsync($"--companion takes <name>=<file>, not '{companion}'.");
                return 1;
            }

            companions[companion[..split]] = Path.GetFullPath(companion[(split + 1)..]);
            files.Add(companions[companion[..split]]);
        }

        if (files.FirstOrDefault(f => !File.Exists(f)) is { } absent)
        {
            await stdout.WriteLineAsync($"No such file: {absent}");
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
        AppliedMapping? applied = null;
        if (options["--mapping"] is [var name])
        {
            var mapping = await scope.ServiceProvider.GetRequiredService<MappingLibrary>().FindAsync(name);
            if (mapping is null || mapping.ImportKind != kind)
            {
                await stdout.WriteLineAsync(mapping is null ? $"No mapping is named {name}." : $"The mapping {name} imports {mapping.Kind}, not {kind.Slug()}.");
                await stdout.WriteLineAsync("Mappings for " + kind.Slug() + ": " + string.Join(", ",
                    (await scope.ServiceProvider.GetRequiredService<MappingLibrary>().ListAsync()).Where(m => m.ImportKind == kind).Select(m => m.Name)));
                return 1;
            }

            if (mapping.Companions.FirstOrDefault(c => !companions.ContainsKey(c.Name)) is { } missing)
            {
                await stdout.WriteLineAsync($"The mapping {name} also reads {missing.Title ?? missing.Name}: add --companion {missing.Name}=<file>.");
                return 1;
            }

            var stored = new List<StoredCompanion>();
            foreach (var (companion, path) in companions)
            {
                await using var content = File.OpenRead(path);
                stored.Add(new StoredCompanion(companion, Path.GetFileName(path), await imports.StoreAsync(content, Path.GetFileName(path), long.MaxValue)));
            }

            applied = new AppliedMapping(mapping, stored);
        }
        else if (companions.Count > 0)
        {
            await stdout.WriteLineAsync("--companion needs --mapping.");
            return 1;
        }

        ImportRecord record;
        await using (var content = File.OpenRead(files[0]))
        {
            record = await imports.ReceiveAsync(content, Path.GetFileName(files[0]), kind,
                flags.Contains("--valid-rows-only") ? ImportMode.ValidRowsOnly : ImportMode.AllOrNothing, flags.Contains("--dry-run"),
                ImportSource.CommandLine, Environment.UserName, long.MaxValue, mapping: applied);
        }

        var report = await imports.RunAsync(record.Id);
        await PrintAsync(stdout, report);
        return report.Applied || (report.DryRun && report.TotalProblems == 0) ? 0 : 1;
    }

    /// <summary>Takes the named options ("--name value" or "--name=value", each may repeat) out of the arguments.</summary>
    private static (Dictionary<string, List<string>> Named, List<string> Others) Options(List<string> args, params string[] names)
    {
        var options = names.ToDictionary(n => n, _ => new List<string>());
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = names.FirstOrDefault(n => args[i] == n || args[i].StartsWith(n + "=", StringComparison.Ordinal));
            if (name is null)
            {
                rest.Add(args[i]);
            }
            else if (args[i].Length > name.Length)
            {
                options[name].Add(args[i][(name.Length + 1)..]);
            }
            else if (i + 1 < args.Count)
            {
                options[name].Add(args[++i]);
            }
        }

        return (options, rest);
    }

    private static async Task PrintAsync(TextWriter stdout, ImportReport report)
    {
        await stdout.WriteLineAsync(report.Summary() + $" in {report.Seconds:0.00} s");
        foreach (var warning in report.Warnings)
        {
            await stdout.WriteLineAsync("warning: " + warning);
        }

        foreach (var (filter, count) in report.FilteredBy)
        {
            await stdout.WriteLineAsync($"left out by the filter {filter}: {count}");
        }

        foreach (var note in report.Notes.Take(50))
        {
            await stdout.WriteLineAsync($"note{(note.Line > 0 ? $" (line {note.Line})" : string.Empty)}: {note.Text}");
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
