using KnowledgeKaizen.Core.Hosting;

namespace KnowledgeKaizen.Core.Tests.Hosting;

public sealed class DataFolderTests
{
    [Fact]
    public void EnsureWritable_CreatesTheFolderAndItsParts()
    {
        var root = Path.Combine(Path.GetTempPath(), "kk-core-tests", Guid.NewGuid().ToString("N"));
        var folder = new DataFolder(root);
        Assert.Null(folder.EnsureWritable());
        Assert.True(Directory.Exists(folder.SearchIndex));
        Assert.True(Directory.Exists(folder.Models));
        Assert.True(Directory.Exists(folder.Uploads));
        Assert.Empty(Directory.GetFiles(root));
        Directory.Delete(root, true);
    }

    [Fact]
    public void EnsureWritable_WhereAFileBlocksTheFolder_ExplainsInOneLineNamingTheSetting()
    {
        var blocker = Path.GetTempFileName();
        var problem = new DataFolder(Path.Combine(blocker, "data")).EnsureWritable();
        File.Delete(blocker);
        Assert.NotNull(problem);
        Assert.StartsWith("KnowledgeKaizen:DataPath", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Resolve_KeepsAbsolutePaths_AndAnchorsRelativeOnesAtTheContentRoot()
    {
        Assert.Equal("/srv/kk", DataFolder.Resolve("/app", "/srv/kk").Root);
        Assert.Equal("/app/data", DataFolder.Resolve("/app", "data").Root);
    }
}
