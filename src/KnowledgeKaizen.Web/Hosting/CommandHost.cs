using KnowledgeKaizen.Core.Data;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// What the portal's commands (<c>import</c>, <c>restore</c>) share: their arguments split into positional ones, flags
/// and configuration (<c>--Section:Key=value</c>), and a host with the back-end modules a command needs, its settings
/// checked and the start-up work a command does before its own (schema, partial files, import recovery).
/// </summary>
public static class CommandHost
{
    /// <summary>The arguments after the command's name: positional ones, the given <paramref name="flags"/> present, and the rest as configuration.</summary>
    public static (List<string> Positional, HashSet<string> Flags, string[] Configuration) Split(string[] args, params string[] flags)
    {
        var rest = args.Skip(1).ToList();
        var present = rest.Where(flags.Contains).ToHashSet();
        return (rest.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList(), present,
            rest.Where(a => a.StartsWith("--", StringComparison.Ordinal) && !present.Contains(a)).ToArray());
    }

    /// <summary>
    /// A host with the platform, the database, the job queue, the audit log (a command's imports and restores are recorded like the portal's) and what <paramref name="modules"/> adds, after its
    /// start-up tasks before the demo data; null (with the reason printed) when a setting or the database's history is wrong.
    /// </summary>
    public static async Task<WebApplication?> StartAsync(string[] configuration, Func<IServiceCollection, IServiceCollection> modules, TextWriter stdout,
        string failure, Func<WebApplication, Task<bool>>? beforeStartup = null)
    {
        var builder = WebApplication.CreateBuilder(configuration);
        modules(builder.Services.AddPlatform().AddDatabase().AddJobs().AddAuditLog());
        var app = builder.Build();
        if (await app.FindSettingProblemAsync() is { } problem)
        {
            await stdout.WriteLineAsync($"{failure}: {problem}");
            await app.DisposeAsync();
            return null;
        }

        if (beforeStartup is not null && !await beforeStartup(app))
        {
            await app.DisposeAsync();
            return null;
        }

        try
        {
            await StartupTasks.RunAsync(app.Services, before: StartupOrder.DemoData);
        }
        catch (DatabaseSettingException ex)
        {
            await stdout.WriteLineAsync($"{failure}: {ex.Message}");
            await app.DisposeAsync();
            return null;
        }

        return app;
    }
}
