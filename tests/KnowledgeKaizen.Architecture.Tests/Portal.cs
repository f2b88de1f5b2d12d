using System.Reflection;

namespace KnowledgeKaizen.Architecture.Tests;

/// <summary>The portal's own assemblies, as built.</summary>
internal static class Portal
{
    public static Assembly Web { get; } = typeof(Program).Assembly;

    public static Assembly Core { get; } = Load("KnowledgeKaizen.Core");

    public static Assembly Search { get; } = Load("KnowledgeKaizen.Search");

    public static Assembly SearchIndexing { get; } = Load("KnowledgeKaizen.Search.Indexing");

    public static Assembly Insights { get; } = Load("KnowledgeKaizen.Insights");

    public static Assembly SqliteMigrations { get; } = Load("KnowledgeKaizen.Data.Sqlite");

    public static Assembly PostgreSqlMigrations { get; } = Load("KnowledgeKaizen.Data.PostgreSql");

    public static IReadOnlyList<Assembly> All { get; } = [Core, SqliteMigrations, PostgreSqlMigrations, Search, SearchIndexing, Insights, Web];

    /// <summary>Whether <paramref name="assembly"/> was compiled against a library whose name starts with <paramref name="prefix"/>.</summary>
    public static bool References(Assembly assembly, string prefix) =>
        assembly.GetReferencedAssemblies().Any(r => r.Name!.StartsWith(prefix, StringComparison.Ordinal));

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));
}
