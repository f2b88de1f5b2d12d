namespace KnowledgeKaizen.Core.Crm;

/// <summary>
/// One step of the configurable sales sequence (qualify, discover, …). Its <see cref="Code"/> is what
/// stage history refers to; <see cref="ProcedureSlug"/> links it to the standard procedure for that stage.
/// </summary>
public class SalesStage
{
    private SalesStage()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public SalesStage(string code, string name, string? nameZh, int position)
    {
        Code = code;
        Name = name;
        NameZh = nameZh;
        MoveTo(position);
    }

    public long Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? NameZh { get; private set; }

    /// <summary>1-based order in the sequence.</summary>
    public int Position { get; private set; }

    /// <summary>Slug of the standard procedure followed in this stage (set by the knowledge base).</summary>
    public string? ProcedureSlug { get; private set; }

    public void MoveTo(int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        Position = position;
    }

    public void LinkProcedure(string? procedureSlug) =>
        ProcedureSlug = string.IsNullOrWhiteSpace(procedureSlug) ? null : procedureSlug.Trim();

    /// <summary>The name in the reader's language, falling back to English.</summary>
    public string DisplayName(bool chinese) => chinese && !string.IsNullOrEmpty(NameZh) ? NameZh : Name;
}

internal sealed class SalesStageConfiguration : IEntityTypeConfiguration<SalesStage>
{
    public void Configure(EntityTypeBuilder<SalesStage> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.NameZh).HasMaxLength(200);
        builder.Property(s => s.ProcedureSlug).HasMaxLength(200);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.HasIndex(s => s.Position);
    }
}
