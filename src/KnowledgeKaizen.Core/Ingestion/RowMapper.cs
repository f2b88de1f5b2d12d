namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Turns one row of one kind into the values of its table's columns, validating every cell and the
/// rules across cells. <see cref="Properties"/>[0] is the upsert key (external id, or code for stages).
/// </summary>
/// <param name="kind">The kind of rows mapped.</param>
/// <param name="entity">The entity whose table the rows go to (its EF mapping names the table and columns).</param>
/// <param name="columns">The kind's columns; a mapper's column constants index this list.</param>
/// <param name="properties">Entity properties written, in the order of the values <see cref="Map"/> fills.</param>
internal abstract class RowMapper(ImportKind kind, Type entity, IReadOnlyList<ColumnSpec> columns, IReadOnlyList<string> properties)
{
    /// <summary>Long free texts (descriptions, resolutions, feedback): generous, but bounded.</summary>
    protected const int LongText = 1_000_000;

    public ImportKind Kind => kind;

    public Type Entity => entity;

    public IReadOnlyList<ColumnSpec> Columns => columns;

    public IReadOnlyList<string> Properties => properties;

    /// <summary>Search document type when the entity is searchable (changes go to the search outbox).</summary>
    public virtual string? SearchType => null;

    /// <summary>Fills <paramref name="values"/>; problems go to <paramref name="row"/>.</summary>
    public abstract void Map(RowContext row, object?[] values);

    protected static ColumnSpec Req(string name) => new(name, true);

    protected static ColumnSpec Opt(string name) => new(name, false);

    public static RowMapper For(ImportKind kind) => kind switch
    {
        ImportKind.Stages => new StageMapper(),
        ImportKind.Reps => new RepMapper(),
        ImportKind.Customers => new CustomerMapper(),
        ImportKind.Opportunities => new OpportunityMapper(),
        ImportKind.StageHistory => new StageHistoryMapper(),
        ImportKind.Activities => new ActivityMapper(),
        ImportKind.ServiceCases => new ServiceCaseMapper(),
        ImportKind.Feedback => new FeedbackMapper(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

}
