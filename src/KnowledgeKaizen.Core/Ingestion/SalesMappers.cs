namespace KnowledgeKaizen.Core.Ingestion;

internal sealed class StageMapper() : RowMapper(ImportKind.Stages, typeof(SalesStage),
    [Req("code"), Req("name"), Opt("name_zh"), Req("position")],
    ["Code", "Name", "NameZh", "Position"])
{
    private const int Code = 0, Name = 1, NameZh = 2, Position = 3;

    public override void Map(RowContext row, object?[] values)
    {
        values[0] = row.Text(Code, 64)?.Trim();
        values[1] = row.Text(Name);
        values[2] = row.Text(NameZh);
        values[3] = row.Integer(Position, 1, 1000);
    }
}

internal sealed class RepMapper() : RowMapper(ImportKind.Reps, typeof(Rep),
    [Req("external_id"), Req("name"), Opt("email"), Req("team"), Req("region"), Req("role"), Opt("hired_at"), Opt("active")],
    ["ExternalId", "Name", "Email", "Team", "Region", "Role", "HiredAt", "Active", "UserId"])
{
    private const int Id = 0, Name = 1, Email = 2, Team = 3, Region = 4, Role = 5, HiredAt = 6, Active = 7;

    public override void Map(RowContext row, object?[] values)
    {
        values[0] = row.Text(Id, 64)?.Trim();
        values[1] = row.Text(Name);
        var email = row.Text(Email, 256)?.Trim();
        if (email is not null && !email.Contains('@'))
        {
            row.Problem(Email, ImportMessages.Format(ImportMessages.NotEmail, email));
        }

        values[2] = email;
        values[3] = row.Text(Team, 100);
        values[4] = row.Text(Region, 100);
        values[5] = row.Choice<RepRole>(Role);
        values[6] = row.Date(HiredAt);
        values[7] = row.Boolean(Active) ?? true;
        values[8] = row.References.UserIdByEmail(email);
    }
}

internal sealed class CustomerMapper() : RowMapper(ImportKind.Customers, typeof(Customer),
    [Req("external_id"), Req("name"), Req("industry"), Req("region"), Opt("segment"), Req("created_at"), Opt("churned_at")],
    ["ExternalId", "Name", "Industry", "Region", "Segment", "CreatedAt", "ChurnedAt"])
{
    private const int Id = 0, Name = 1, Industry = 2, Region = 3, Segment = 4, CreatedAt = 5, ChurnedAt = 6;

    public override void Map(RowContext row, object?[] values)
    {
        values[0] = row.Text(Id, 64)?.Trim();
        values[1] = row.Text(Name);
        values[2] = row.Text(Industry, 100);
        values[3] = row.Text(Region, 100);
        values[4] = row.Choice<CustomerSegment>(Segment);
        var created = row.Date(CreatedAt);
        var churned = row.Date(ChurnedAt);
        row.NotBefore(churned, ChurnedAt, created, CreatedAt);
        values[5] = created;
        values[6] = churned;
    }
}

internal sealed class OpportunityMapper() : RowMapper(ImportKind.Opportunities, typeof(Opportunity),
    [
        Req("external_id"), Req("customer_id"), Req("owner_id"), Req("amount"), Req("industry"), Req("source"), Req("region"),
        Req("created_at"), Opt("expected_close_at"), Opt("forecast_amount"), Opt("closed_at"), Req("outcome"), Opt("loss_reason"),
        Opt("final_amount"), Opt("collected_amount"),
    ],
    [
        "ExternalId", "CustomerId", "OwnerId", "Amount", "Industry", "Source", "Region", "CreatedAt", "ExpectedCloseAt",
        "ForecastAmount", "ClosedAt", "Outcome", "LossReason", "FinalAmount", "CollectedAmount",
    ])
{
    private const int Id = 0, Customer = 1, Owner = 2, Amount = 3, Industry = 4, Source = 5, Region = 6, CreatedAt = 7,
        ExpectedCloseAt = 8, Forecast = 9, ClosedAt = 10, Outcome = 11, LossReason = 12, FinalAmount = 13, Collected = 14;

    public override void Map(RowContext row, object?[] values)
    {
        values[0] = row.Text(Id, 64)?.Trim();
        values[1] = row.Reference(Customer, ReferenceTable.Customer);
        values[2] = row.Reference(Owner, ReferenceTable.Rep);
        values[3] = row.Number(Amount, 0);
        values[4] = row.Text(Industry, 100);
        values[5] = row.Choice<LeadSource>(Source);
        values[6] = row.Text(Region, 100);
        var created = row.Date(CreatedAt);
        values[7] = created;
        values[8] = row.Date(ExpectedCloseAt);
        values[9] = row.Number(Forecast, 0);
        var closed = row.Date(ClosedAt);
        row.NotBefore(closed, ClosedAt, created, CreatedAt);
        values[10] = closed;
        values[11] = row.Choice<DealOutcome>(Outcome);
        values[12] = row.Text(LossReason);
        values[13] = row.Number(FinalAmount, 0);
        values[14] = row.Number(Collected, 0);
    }
}

internal sealed class StageHistoryMapper() : RowMapper(ImportKind.StageHistory, typeof(StageHistoryEntry),
    [Req("external_id"), Req("opportunity_id"), Req("stage"), Req("rep_id"), Req("entered_at"), Opt("left_at"), Req("outcome")],
    ["ExternalId", "OpportunityId", "StageId", "RepId", "EnteredAt", "LeftAt", "Outcome"])
{
    private const int Id = 0, Opportunity = 1, Stage = 2, Rep = 3, EnteredAt = 4, LeftAt = 5, Outcome = 6;

    public override void Map(RowContext row, object?[] values)
    {
        values[0] = row.Text(Id, 64)?.Trim();
        values[1] = row.Reference(Opportunity, ReferenceTable.Opportunity);
        values[2] = row.Reference(Stage, ReferenceTable.Stage);
        values[3] = row.Reference(Rep, ReferenceTable.Rep);
        var entered = row.Date(EnteredAt);
        var left = row.Date(LeftAt);
        row.NotBefore(left, LeftAt, entered, EnteredAt);
        var outcome = row.Choice<StageOutcome>(Outcome);
        if (outcome == nameof(StageOutcome.Open) && left is not null)
        {
            row.Problem(LeftAt, ImportMessages.OpenStageHasNoEnd);
        }

        values[4] = entered;
        values[5] = left;
        values[6] = outcome;
    }
}

internal sealed class ActivityMapper() : RowMapper(ImportKind.Activities, typeof(SalesActivity),
    [Req("external_id"), Req("opportunity_id"), Req("rep_id"), Req("type"), Req("occurred_at"), Opt("amount"), Opt("cost")],
    ["ExternalId", "OpportunityId", "RepId", "Type", "OccurredAt", "Amount", "Cost"])
{
    private const int Id = 0, Opportunity = 1, Rep = 2, Type = 3, OccurredAt = 4, Amount = 5, Cost = 6;

    public override void Map(RowContext row, object?[] values)
    {
        values[0] = row.Text(Id, 64)?.Trim();
        values[1] = row.Reference(Opportunity, ReferenceTable.Opportunity);
        values[2] = row.Reference(Rep, ReferenceTable.Rep);
        values[3] = row.Choice<ActivityType>(Type);
        values[4] = row.Date(OccurredAt);
        values[5] = row.Number(Amount, 0);
        values[6] = row.Number(Cost, 0);
    }
}
