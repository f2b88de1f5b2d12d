namespace KnowledgeKaizen.Core.Tests.Ingestion.Mapping;

/// <summary>Runs files through a mapping and the real pipeline, and reads the CRM tables back for comparison.</summary>
internal static class MappedImports
{
    public static ImportReport Run(IngestionTestDb db, ImportMapping mapping, string file, params (string Name, string Path)[] companions) =>
        Run(db, mapping, File.ReadAllBytes(file), companions.Select(c => (c.Name, Path.GetFileName(c.Path), File.ReadAllBytes(c.Path))).ToArray());

    public static ImportReport Run(IngestionTestDb db, ImportMapping mapping, byte[] file, params (string Name, string FileName, byte[] Content)[] companions)
    {
        using var context = db.NewContext();
        var given = companions.ToDictionary(c => c.Name, c => new CompanionContent(c.FileName, new MemoryStream(c.Content)));
        var bound = new MappingBinder(context).BindAsync(mapping, given).GetAwaiter().GetResult();
        return new ImportPipeline(context)
            .RunAsync(new MemoryStream(file), new ImportRequest(mapping.ImportKind, ImportFormat.Csv, Mapping: bound))
            .GetAwaiter().GetResult();
    }

    public static ImportMapping Preset(string name) => MappingPresets.Find(name) ?? throw new InvalidOperationException($"No preset {name}.");

    public static string Export(string vendor, string file) => Path.Combine(RepoPaths.CrmExports, vendor, file);

    public static string Problems(ImportReport report) =>
        string.Join("\n", report.Problems.Select(p => $"{p.Line}: {p.Column}: {p.Reason}"));

    /// <summary>Every CRM table as sorted text rows, references written as the referenced record's external id.</summary>
    public static IReadOnlyDictionary<string, List<string>> Tables(IngestionTestDb db)
    {
        var queries = new Dictionary<string, string>
        {
            ["reps"] = "SELECT ExternalId, Name, Email, Team, Region, Role, HiredAt, Active FROM Reps",
            ["customers"] = "SELECT ExternalId, Name, Industry, Region, Segment, CreatedAt, ChurnedAt FROM Customers",
            ["opportunities"] = "SELECT o.ExternalId, c.ExternalId, r.ExternalId, o.Amount, o.Industry, o.Source, o.Region, o.CreatedAt, o.ExpectedCloseAt, " +
                "o.ForecastAmount, o.ClosedAt, o.Outcome, o.LossReason, o.FinalAmount, o.CollectedAmount FROM Opportunities o " +
                "JOIN Customers c ON c.Id = o.CustomerId JOIN Reps r ON r.Id = o.OwnerId",
            ["stage-history"] = "SELECT h.ExternalId, o.ExternalId, s.Code, r.ExternalId, h.EnteredAt, h.LeftAt, h.Outcome FROM StageHistory h " +
                "JOIN Opportunities o ON o.Id = h.OpportunityId JOIN SalesStages s ON s.Id = h.StageId JOIN Reps r ON r.Id = h.RepId",
            ["activities"] = "SELECT a.ExternalId, o.ExternalId, r.ExternalId, a.Type, a.OccurredAt, a.Amount, a.Cost FROM Activities a " +
                "JOIN Opportunities o ON o.Id = a.OpportunityId JOIN Reps r ON r.Id = a.RepId",
            ["service-cases"] = "SELECT s.ExternalId, c.ExternalId, r.ExternalId, s.OpenedAt, s.FirstResponseAt, s.ResolvedAt, s.Channel, s.Category, " +
                "s.Priority, s.Satisfaction, s.Cost, s.Subject, s.Description, s.Resolution FROM ServiceCases s " +
                "JOIN Customers c ON c.Id = s.CustomerId JOIN Reps r ON r.Id = s.AgentId",
            ["feedback"] = "SELECT f.ExternalId, c.ExternalId, s.ExternalId, f.Channel, f.Type, f.Category, f.Text, f.Score, f.ReceivedAt, " +
                "r.ExternalId, f.HandlingRecord, f.ResolvedAt FROM Feedback f LEFT JOIN Customers c ON c.Id = f.CustomerId " +
                "LEFT JOIN ServiceCases s ON s.Id = f.CaseId LEFT JOIN Reps r ON r.Id = f.HandledById",
        };
        return queries.ToDictionary(q => q.Key, q => db.Rows(q.Value).Order(StringComparer.Ordinal).ToList());
    }
}
