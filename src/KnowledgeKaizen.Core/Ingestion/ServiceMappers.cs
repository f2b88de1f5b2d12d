namespace KnowledgeKaizen.Core.Ingestion;

internal sealed class ServiceCaseMapper() : RowMapper(ImportKind.ServiceCases, typeof(ServiceCase),
    [
        Req("external_id"), Req("customer_id"), Req("agent_id"), Req("opened_at"), Opt("first_response_at"), Opt("resolved_at"),
        Req("channel"), Req("category"), Req("priority"), Opt("satisfaction"), Opt("cost"), Req("subject"), Opt("description"),
        Opt("resolution"),
    ],
    [
        "ExternalId", "CustomerId", "AgentId", "OpenedAt", "FirstResponseAt", "ResolvedAt", "Channel", "Category", "Priority",
        "Satisfaction", "Cost", "Subject", "Description", "Resolution",
    ])
{
    private const int Id = 0, Customer = 1, Agent = 2, OpenedAt = 3, FirstResponseAt = 4, ResolvedAt = 5, Channel = 6,
        Category = 7, Priority = 8, Satisfaction = 9, Cost = 10, Subject = 11, Description = 12, Resolution = 13;

    public override string? SearchType => SearchDocumentTypes.Case;

    public override void Map(RowContext row, object?[] values)
    {
        values[0] = row.Text(Id, 64)?.Trim();
        values[1] = row.Reference(Customer, ReferenceTable.Customer);
        values[2] = row.Reference(Agent, ReferenceTable.Rep);
        var opened = row.Date(OpenedAt);
        var firstResponse = row.Date(FirstResponseAt);
        var resolved = row.Date(ResolvedAt);
        row.NotBefore(firstResponse, FirstResponseAt, opened, OpenedAt);
        row.NotBefore(resolved, ResolvedAt, opened, OpenedAt);
        values[3] = opened;
        values[4] = firstResponse;
        values[5] = resolved;
        values[6] = row.Choice<CaseChannel>(Channel);
        values[7] = row.Text(Category, 100);
        values[8] = row.Choice<CasePriority>(Priority);
        values[9] = row.Integer(Satisfaction, 1, 5);
        values[10] = row.Number(Cost, 0);
        values[11] = row.Text(Subject);
        values[12] = row.Text(Description, LongText);
        values[13] = row.Text(Resolution, LongText);
    }
}

internal sealed class FeedbackMapper() : RowMapper(ImportKind.Feedback, typeof(CustomerFeedback),
    [
        Req("external_id"), Opt("customer_id"), Opt("case_id"), Req("channel"), Req("type"), Opt("category"), Req("text"),
        Opt("score"), Req("received_at"), Opt("handled_by"), Opt("handling_record"), Opt("resolved_at"),
    ],
    [
        "ExternalId", "CustomerId", "CaseId", "Channel", "Type", "Category", "Text", "Score", "ReceivedAt", "HandledById",
        "HandlingRecord", "ResolvedAt",
    ])
{
    private const int Id = 0, Customer = 1, Case = 2, Channel = 3, Type = 4, Category = 5, Text = 6, Score = 7, ReceivedAt = 8,
        HandledBy = 9, HandlingRecord = 10, ResolvedAt = 11;

    public override string? SearchType => SearchDocumentTypes.Feedback;

    public override void Map(RowContext row, object?[] values)
    {
        values[0] = row.Text(Id, 64)?.Trim();
        values[1] = row.Reference(Customer, ReferenceTable.Customer);
        values[2] = row.Reference(Case, ReferenceTable.ServiceCase);
        values[3] = row.Choice<FeedbackChannel>(Channel);
        values[4] = row.Choice<FeedbackType>(Type);
        values[5] = row.Text(Category, 100);
        values[6] = row.Text(Text, LongText);
        values[7] = row.Integer(Score, 1, 5);
        var received = row.Date(ReceivedAt);
        var resolved = row.Date(ResolvedAt);
        row.NotBefore(resolved, ResolvedAt, received, ReceivedAt);
        values[8] = received;
        values[9] = row.Reference(HandledBy, ReferenceTable.Rep);
        values[10] = row.Text(HandlingRecord, LongText);
        values[11] = resolved;
    }
}
