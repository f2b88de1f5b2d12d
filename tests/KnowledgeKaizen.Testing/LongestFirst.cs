using System.Reflection;
using Xunit;
using Xunit.Abstractions;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// Starts a test assembly's longest collections first (named by <see cref="LongestCollectionsAttribute"/>): xUnit runs as
/// many collections at once as there are cores, so a long one started last would run alone at the end while the short
/// ones could have filled the other core beside it. Every other collection follows in name order.
/// Use: <c>[assembly: TestCollectionOrderer(LongestFirst.TypeName, LongestFirst.AssemblyName)]</c>.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    public const string TypeName = "KnowledgeKaizen.Testing.LongestFirst";
    public const string AssemblyName = "KnowledgeKaizen.Testing";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var collections = testCollections.ToList();
        var longest = collections.Count == 0 ? [] : Assembly.Load(new AssemblyName(collections[0].TestAssembly.Assembly.Name))
            .GetCustomAttribute<LongestCollectionsAttribute>()?.Longest.Select(CollectionName).ToList() ?? [];
        return collections
            .OrderBy(c => longest.IndexOf(c.DisplayName) is var rank and >= 0 ? rank : longest.Count)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
    }

    /// <summary>The collection a type names: a collection definition's, a test class's [Collection], or the class's own.</summary>
    private static string CollectionName(Type type) =>
        type.GetCustomAttribute<CollectionDefinitionAttribute>() is not null || type.GetCustomAttribute<CollectionAttribute>() is not null
            ? (string)type.GetCustomAttributesData()
                .First(a => a.AttributeType == typeof(CollectionDefinitionAttribute) || a.AttributeType == typeof(CollectionAttribute))
                .ConstructorArguments[0].Value!
            : "Test collection for " + type.FullName;
}

/// <summary>A test assembly's longest collections, longest first: collection definitions or test classes (see <see cref="LongestFirst"/>).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class LongestCollectionsAttribute(params Type[] longest) : Attribute
{
    public IReadOnlyList<Type> Longest { get; } = longest;
}
