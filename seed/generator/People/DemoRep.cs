namespace KnowledgeKaizen.SeedGenerator.People;

/// <summary>What the ground truth planted on a rep.</summary>
public enum PlantedRole
{
    None,
    Standout,
    Laggard,
    NewRep,
}

/// <summary>A sales rep or service agent, with the ground-truth effect the generator applies to them.</summary>
public sealed record DemoRep(
    int Index,
    string Id,
    string Name,
    string Email,
    string Team,
    int Region,
    string Role,
    DateOnly HiredAt,
    PlantedRole Planted,
    int? PlantedStage,
    bool Lucky,
    IReadOnlyList<double> StageEffect)
{
    public bool IsSales => Role == "sales";

    public string RegionName => Model.Catalog.Regions[Region];
}

/// <summary>A customer; Chinese-named customers write Chinese texts.</summary>
public sealed record DemoCustomer(
    int Index,
    string Id,
    string Name,
    int Industry,
    int Region,
    string Segment,
    DateOnly CreatedAt,
    DateOnly? ChurnedAt,
    bool IsChinese)
{
    /// <summary>Whether the customer can be served on a day (exists and has not churned).</summary>
    public bool IsActiveOn(DateTime when) =>
        CreatedAt.ToDateTime(TimeOnly.MinValue) <= when
        && (ChurnedAt is null || when < ChurnedAt.Value.ToDateTime(TimeOnly.MinValue));
}
