namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// On a migration that replaces a chain of older ones (a squash): a database whose history lists exactly that chain has
/// the replacement's schema already, so <see cref="DatabaseMigrator"/> rewrites its history to name the replacement
/// instead of running it again.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ReplacesMigrationsAttribute(params string[] ids) : Attribute
{
    public IReadOnlyList<string> Ids { get; } = ids;
}
