using KnowledgeKaizen.Core.Hosting;

namespace KnowledgeKaizen.Core.Tests.Hosting;

public sealed class DataFolderTests
{
    [Fact]
    public void EnsureWritable_CreatesTheFolderAndItsParts()
    {
        using var temp = new TempFolder("data-folder");
        var root = temp.File("data");
        var folder = new DataFolder(root);
        Assert.Null(folder.EnsureWritable());
        Assert.True(Directory.Exists(folder.SearchIndex));
        Assert.True(Directory.Exists(folder.Models));
        Assert.True(Directory.Exists(folder.Uploads));
        Assert.Empty(Directory.GetFiles(root));
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
