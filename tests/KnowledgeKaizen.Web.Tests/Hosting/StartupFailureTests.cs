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

        var (exit, lines) = await RefusedStartAsync(("KnowledgeKaizen:DataPath", Path.Combine(blocker, "data")));

        Assert.Equal(1, exit);
        Assert.Contains("KnowledgeKaizen:DataPath", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidAdminEmail_StopsStartup_NamingTheSetting()
    {
        using var data = new TempFolder("bad-setting");
        var (exit, lines) = await RefusedStartAsync(("KnowledgeKaizen:DataPath", data.Path), ("KnowledgeKaizen:AdminEmail", "not-an-email"));
        Assert.Equal(1, exit);
        Assert.Contains("AdminEmail", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsLeftUnderARenamedSection_StopStartup_NamingTheNewSection()
    {
        using var data = new TempFolder("renamed-section");
        var (exit, lines) = await RefusedStartAsync(("KnowledgeKaizen:DataPath", data.Path), ("Insights:Performance:TargetFdr", "0.05"));
        Assert.Equal(1, exit);
        Assert.Contains("Insights:Performance was renamed to Insights:Evidence", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFileStore_StopsStartup_WithOneLineNamingTheSetting()
    {
        using var data = new TempFolder("bad-file-store");
        var (exit, lines) = await RefusedStartAsync(("KnowledgeKaizen:DataPath", data.Path), ("KnowledgeKaizen:Files:Store", "S3"));
        Assert.Equal(1, exit);
        Assert.Contains("KnowledgeKaizen:Files:Store must be DataFolder or Database", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01:00:00")]
    [InlineData("-00:00:01")]
    public async Task ASearchCommitIntervalOutOfRange_StopsStartup_NamingTheSetting(string interval)
    {
        using var data = new TempFolder("bad-commit-interval");
        var (exit, lines) = await RefusedStartAsync(("KnowledgeKaizen:DataPath", data.Path), ("Search:Indexing:CommitInterval", interval));
        Assert.Equal(1, exit);
        Assert.Contains("Search:Indexing:CommitInterval must be between", string.Join('\n', lines), StringComparison.Ordinal);
    }

    private static Task<(int Exit, string[] Errors)> RefusedStartAsync(params (string Key, string Value)[] settings) =>
        PortalProcess.RefusedStartAsync(settings.ToDictionary(s => s.Key, string? (s) => s.Value), TimeSpan.FromSeconds(60));
}
