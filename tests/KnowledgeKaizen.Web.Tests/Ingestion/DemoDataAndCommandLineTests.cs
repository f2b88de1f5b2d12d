using KnowledgeKaizen.Web.Ingestion;
using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>A portal started with demo data on and a seed folder holding only some of the files.</summary>
public sealed class DemoDataFactory : PortalFactory
{
    private readonly TempFolder seed = CreateSeed();

    public string SeedPath => seed.Path;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["KnowledgeKaizen:LoadDemoData"] = "true",
        ["KnowledgeKaizen:SeedPath"] = SeedPath,
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            seed.Dispose();
        }
    }

    private static TempFolder CreateSeed()
    {
        var folder = new TempFolder("seed");
        File.WriteAllText(folder.File("stages.csv"), Stages);
        File.WriteAllText(folder.File("reps.csv"), Reps);
        File.WriteAllText(folder.File("customers.csv"), Customers);
        File.WriteAllText(folder.File("opportunities.csv"), Opportunities);
        File.WriteAllText(folder.File("stage-history.ndjson"),
            "{\"external_id\":\"sd1\",\"opportunity_id\":\"o1\",\"stage\":\"qualify\",\"rep_id\":\"r1\",\"entered_at\":\"2024-01-10\",\"left_at\":\"2024-01-12\",\"outcome\":\"advanced\"}\n");
        return folder;
    }
}

public sealed class DemoDataLoaderTests(DemoDataFactory factory) : IClassFixture<DemoDataFactory>
{
    [Fact]
    public async Task EmptyDatabase_LoadsEverySeedFileInOrder_AndSkipsMissingOnes()
    {
        factory.CreateClient();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();

        Assert.Equal(2, await db.SalesStages.CountAsync());
        Assert.Equal(1, await db.Opportunities.CountAsync());
        Assert.Equal(1, await db.StageHistory.CountAsync());
        var imports = await db.Imports.ToListAsync();
        Assert.Equal(5, imports.Count);
        Assert.All(imports, r => Assert.Equal((ImportSource.DemoData, ImportStatus.Succeeded), (r.Source, r.Status)));
    }
}

public sealed class ImportCommandTests : IDisposable
{
    private readonly TempFolder folder = new("import-command");

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await ImportCommand.RunAsync([.. args, $"--KnowledgeKaizen:DataPath={folder.File("data")}"], output);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task ImportingAFile_PrintsTheReportAndExitsZero_AndAgainChangesNothing()
    {
        var file = folder.File("stages.csv");
        await File.WriteAllTextAsync(file, Stages);

        var first = await RunAsync("import", "stages", file);
        var second = await RunAsync("import", "stages", file);

        Assert.Equal(0, first.Exit);
        Assert.Contains("2 inserted", first.Output, StringComparison.Ordinal);
        Assert.Contains("2 unchanged", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithProblems_ListsThemAndExitsOne()
    {
        var file = folder.File("stages.csv");
        await File.WriteAllTextAsync(file, "code,name,position\nq,Q,first\n");

        var (exit, output) = await RunAsync("import", "stages", file);

        Assert.Equal(1, exit);
        Assert.Contains("line 2, position", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongArguments_PrintUsage() =>
        Assert.Contains("Usage: import", (await RunAsync("import", "invoices")).Output, StringComparison.Ordinal);

    public void Dispose() => folder.Dispose();
}
