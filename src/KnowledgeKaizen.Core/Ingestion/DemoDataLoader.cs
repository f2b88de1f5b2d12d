namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// On first start (CRM tables empty, <see cref="KaizenOptions.LoadDemoData"/> on) imports every file of
/// <see cref="KaizenOptions.SeedPath"/> in load order through the same pipeline as any upload. Missing
/// files are skipped, so a partial seed folder still loads what it has. Every date moves by the same whole number of
/// days so the data ends yesterday (the seed's last day is <c>end_date</c> in planted-truth.json): a new install
/// looks like a company working today, not one that stopped weeks ago.
/// </summary>
internal sealed class DemoDataLoader(KnowledgeKaizenDbContext db, ImportService imports, IOptions<KaizenOptions> options,
    IHostEnvironment environment, TimeProvider clock, ILogger<DemoDataLoader> logger) : IStartupTask
{
    public int Order => StartupOrder.DemoData;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.LoadDemoData || await db.SalesStages.AnyAsync(cancellationToken) || await db.Reps.AnyAsync(cancellationToken)
            || await db.Customers.AnyAsync(cancellationToken) || await db.Opportunities.AnyAsync(cancellationToken))
        {
            return;
        }

        var seed = Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.SeedPath));
        var shift = DateShift(seed, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        logger.LogInformation("Demo data dates move by {Days} days so the data ends yesterday", shift.TotalDays);
        foreach (var kind in ImportKinds.LoadOrder)
        {
            var file = FindFile(seed, kind);
            if (file is null)
            {
                continue;
            }

            ImportRecord record;
            await using (var content = File.OpenRead(file))
            {
                record = await imports.ReceiveAsync(content, Path.GetFileName(file), kind, ImportMode.AllOrNothing, false,
                    ImportSource.DemoData, "demo data", long.MaxValue, cancellationToken);
            }

            var report = await imports.RunAsync(record.Id, shift, null, cancellationToken);
            if (report.Applied)
            {
                logger.LogInformation("Demo data {Summary} in {Seconds:0.0} s", report.Summary(), report.Seconds);
            }
            else
            {
                logger.LogWarning("Demo data file {File} was not loaded: {Summary}; first problem: {Problem}", file, report.Summary(),
                    report.Problems.FirstOrDefault()?.Reason);
            }
        }
    }

    /// <summary>Whole days from the seed's last day (<c>end_date</c> in planted-truth.json) to the day before <paramref name="today"/>; zero without one.</summary>
    internal static TimeSpan DateShift(string seedFolder, DateOnly today)
    {
        var truth = Path.Combine(seedFolder, "planted-truth.json");
        if (!File.Exists(truth))
        {
            return TimeSpan.Zero;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(truth));
        return document.RootElement.TryGetProperty("end_date", out var end) && DateOnly.TryParseExact(end.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var last)
            ? TimeSpan.FromDays(today.AddDays(-1).DayNumber - last.DayNumber)
            : TimeSpan.Zero;
    }

    internal static string? FindFile(string folder, ImportKind kind) =>
        new[] { ".csv", ".ndjson", ".jsonl", ".json" }.Select(ext => Path.Combine(folder, kind.Slug() + ext)).FirstOrDefault(File.Exists);
}
