namespace KnowledgeKaizen.Testing;

/// <summary>Locates the repository from the test binaries (tests run from bin/).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "KnowledgeKaizen.Web");

    /// <summary>The committed demo CRM data (seed/data).</summary>
    public static string SeedData => Path.Combine(Root, "seed", "data");

    /// <summary>Sample exports of real CRMs with the portal rows they must import to (seed/crm-exports).</summary>
    public static string CrmExports => Path.Combine(Root, "seed", "crm-exports");

    /// <summary>The shipped knowledge library (content/).</summary>
    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeKaizen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KnowledgeKaizen.sln not found above " + AppContext.BaseDirectory);
    }
}
