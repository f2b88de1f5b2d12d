using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// EF's foreign-key index convention, except for foreign keys marked <see cref="ForeignKeyIndexes.WithoutIndex"/>.
/// For a key with a handful of distinct values on a large table (a stage, a rep) such an index neither
/// serves reads (a query touching a sixth of a million rows reads as fast from a covering index or the
/// table) nor deletes that never happen, yet every bulk load pays to rebuild it.
/// </summary>
internal sealed class UnindexedForeignKeyConvention(ProviderConventionSetBuilderDependencies dependencies)
    : ForeignKeyIndexConvention(dependencies)
{
    internal const string Annotation = "KnowledgeKaizen:Unindexed";

    // The mark is set after the relationship (and its index) exist, so marked keys lose their index here.
    public override void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        base.ProcessModelFinalizing(modelBuilder, context);
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            foreach (var foreignKey in entityType.GetDeclaredForeignKeys().Where(IsUnindexed).ToList())
            {
                if (entityType.FindIndex(foreignKey.Properties) is { } index && index.GetConfigurationSource() == ConfigurationSource.Convention)
                {
                    entityType.Builder.HasNoIndex(index);
                }
            }
        }
    }

    // Removing an index asks the convention to re-create the foreign-key indexes it covered.
    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder) =>
        entityTypeBuilder.Metadata.FindForeignKeys(properties).Any(IsUnindexed)
            ? null
            : base.CreateIndex(properties, unique, entityTypeBuilder);

    private static bool IsUnindexed(IConventionForeignKey foreignKey) => foreignKey.FindAnnotation(Annotation) is not null;
}

internal static class ForeignKeyIndexes
{
    /// <summary>Gives the relationship's foreign key no index of its own (see <see cref="UnindexedForeignKeyConvention"/>).</summary>
    public static ReferenceCollectionBuilder<TPrincipal, TDependent> WithoutIndex<TPrincipal, TDependent>(
        this ReferenceCollectionBuilder<TPrincipal, TDependent> relationship)
        where TPrincipal : class
        where TDependent : class =>
        relationship.HasAnnotation(UnindexedForeignKeyConvention.Annotation, true);
}
