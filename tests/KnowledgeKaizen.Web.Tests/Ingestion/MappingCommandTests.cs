using KnowledgeKaizen.Web.Ingestion;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>The command line reads vendor exports through a mapping (<c>--mapping</c>) with its companion files (<c>--companion</c>).</summary>
public sealed class MappingCommandTests : IDisposable
{
    private readonly TempFolder folder = new("mapping-command");

    [Fact]
    public async Task VendorExport_ImportsThroughAPreset_WithItsCompanionFile_AndSaysWhatWasLeftOut()
    {
        Assert.Equal(0, (await RunAsync("import", "stages", Path.Combine(RepoPaths.SeedData, "stages.csv"))).Exit);
        Assert.Equal(0, (await RunAsync("import", "reps", Export("users.csv"), "--mapping", "salesforce-users")).Exit);
        Assert.Equal(0, (await RunAsync("import", "customers", Export("accounts.csv"), "--mapping=salesforce-accounts")).Exit);

        var withoutComments = await RunAsync("import", "service-cases", Export("cases.csv"), "--mapping", "salesforce-cases");
        var cases = await RunAsync("import", "service-cases", Export("cases.csv"), "--mapping", "salesforce-cases", "--companion",
            "comments=" + Export("case-comments.csv"));
        var unknown = await RunAsync("import", "service-cases", Export("cases.csv"), "--mapping", "salesforce-tasks");

        Assert.Equal(1, withoutComments.Exit);
        Assert.Contains("--companion comments=<file>", withoutComments.Output, StringComparison.Ordinal);
        Assert.True(cases.Exit == 0, cases.Output);
        Assert.Contains("10 inserted", cases.Output, StringComparison.Ordinal);
        Assert.Contains("0 left out by mapping salesforce-cases", cases.Output, StringComparison.Ordinal);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("salesforce-tasks imports activities, not service-cases", unknown.Output, StringComparison.Ordinal);
    }

    private static string Export(string file) => Path.Combine(RepoPaths.CrmExports, "salesforce", file);

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await ImportCommand.RunAsync([.. args, $"--KnowledgeKaizen:DataPath={folder.File("data")}"], output);
        return (exit, output.ToString());
    }

    public void Dispose() => folder.Dispose();
}
