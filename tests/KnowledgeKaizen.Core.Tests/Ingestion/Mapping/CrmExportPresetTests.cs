using static KnowledgeKaizen.Core.Tests.Ingestion.Mapping.MappedImports;

namespace KnowledgeKaizen.Core.Tests.Ingestion.Mapping;

/// <summary>
/// Each vendor's sample export (seed/crm-exports) imported through its presets, in load order, with zero problems,
/// gives exactly the portal rows of its expected/ folder imported directly: same records, same values, same references.
/// </summary>
public sealed class CrmExportPresetTests
{
    /// <summary>The import plan of a vendor's export: kind, preset, file and companion files, in load order.</summary>
    public static readonly Dictionary<string, (string Preset, string File, (string Name, string File)[] Companions)[]> Plans = new()
    {
        ["salesforce"] =
        [
            ("salesforce-users", "users.csv", []),
            ("salesforce-accounts", "accounts.csv", []),
            ("salesforce-opportunity", "opportunity.csv", []),
            ("salesforce-opportunity-history", "opportunity-history.csv", []),
            ("salesforce-tasks", "tasks.csv", []),
            ("salesforce-events", "events.csv", []),
            ("salesforce-quotes", "quotes.csv", []),
            ("salesforce-cases", "cases.csv", [("comments", "case-comments.csv")]),
        ],
        ["hubspot"] =
        [
            ("hubspot-owners", "owners.csv", []),
            ("hubspot-companies", "companies.csv", []),
            ("hubspot-deals", "deals.csv", []),
            ("hubspot-deal-stage-history", "deal-stage-history.csv", []),
            ("hubspot-calls", "calls.csv", []),
            ("hubspot-meetings", "meetings.csv", []),
            ("hubspot-tickets", "tickets.csv", []),
            ("hubspot-feedback-submissions", "feedback-submissions.csv", []),
        ],
        ["dynamics365"] =
        [
            ("dynamics365-systemusers", "systemusers.csv", []),
            ("dynamics365-accounts", "accounts.csv", []),
            ("dynamics365-opportunities", "opportunities.csv", [("leads", "leads.csv"), ("audit", "opportunity-stage-audit.csv")]),
            ("dynamics365-opportunity-stage-audit", "opportunity-stage-audit.csv", [("opportunities", "opportunities.csv")]),
            ("dynamics365-activities", "activities.csv", []),
            ("dynamics365-quotes", "quotes.csv", []),
            ("dynamics365-incidents", "incidents.csv", [("resolutions", "incidentresolutions.csv"), ("activities", "activities.csv")]),
        ],
    };

    [Theory]
    [InlineData("salesforce", 53, 32, 10, 0)]
    [InlineData("hubspot", 56, 18, 8, 8)]
    [InlineData("dynamics365", 49, 18, 7, 0)]
    public void SampleExport_ImportsThroughItsPresets_ToExactlyTheExpectedRows(string vendor, int stageRows, int activities, int cases, int feedback)
    {
        using var mapped = new IngestionTestDb(withFixture: false);
        mapped.Load(ImportKind.Stages, File.ReadAllText(Path.Combine(RepoPaths.SeedData, "stages.csv")));
        foreach (var (preset, file, companions) in Plans[vendor])
        {
            var report = Run(mapped, Preset(preset), Export(vendor, file), companions.Select(c => (c.Name, Export(vendor, c.File))).ToArray());
            Assert.True(report.Applied && report.TotalProblems == 0, $"{preset}: {report.Summary()}\n{Problems(report)}");
        }

        using var expected = ExpectedDatabase(vendor);
        var actual = Tables(mapped);
        foreach (var (table, rows) in Tables(expected))
        {
            Assert.True(rows.SequenceEqual(actual[table]), $"{vendor} {table}:\nexpected\n{string.Join("\n", rows.Except(actual[table]))}\nactual\n{string.Join("\n", actual[table].Except(rows))}");
        }

        Assert.Equal((stageRows, activities, cases, feedback), (actual["stage-history"].Count, actual["activities"].Count, actual["service-cases"].Count, actual["feedback"].Count));
    }

    [Fact]
    public void BothSalesforceHistoryFiles_DeriveTheSameStageHistory()
    {
        var byHistory = StageHistoryFrom("salesforce-opportunity-history", "opportunity-history.csv");
        var byFieldHistory = StageHistoryFrom("salesforce-opportunity-field-history", "opportunity-field-history.csv");

        Assert.Equal(53, byHistory.Count);
        Assert.Equal(byHistory, byFieldHistory);
    }

    [Fact]
    public void SalesforceHistory_ReportsWhatItInterpreted()
    {
        using var db = LoadedUpTo("salesforce", "salesforce-opportunity-history");

        var report = Run(db, Preset("salesforce-opportunity-history"), Export("salesforce", "opportunity-history.csv"));

        var notes = report.Notes.Select(n => $"{n.Subject} {n.Kind} {n.Detail ?? n.Source}").ToList();
        Assert.Contains("0065g0000007DVFAA2 reopened Closed Lost", notes);
        Assert.Contains("0065g0000007BRWAA2 backward quote->discover", notes);
        Assert.Contains("0065g0000007Tz3AAE reopened Closed Won", notes);
        Assert.Contains("0065g0000007JgQAAU skipped qualify", notes);
        Assert.Contains("0065g00000077K4AAI filled-to-won close", notes);
        Assert.Equal(new DateTime(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc), report.Notes.Single(n => n.Subject == "0065g0000007DVFAA2" && n.Kind == "reopened").At);
    }

    [Fact]
    public void DynamicsAudit_OpportunityWithoutHistory_GetsNoRowsAndANote()
    {
        using var db = LoadedUpTo("dynamics365", "dynamics365-opportunity-stage-audit");

        var report = Run(db, Preset("dynamics365-opportunity-stage-audit"), Export("dynamics365", "opportunity-stage-audit.csv"),
            ("opportunities", Export("dynamics365", "opportunities.csv")));

        Assert.Contains(report.Notes, n => n.Subject == "cef5e279-2eb8-5ecc-be36-3f9b718bbb06" && n.Kind == ImportNoteKinds.NoHistory);
        Assert.Contains(report.Notes, n => n.Subject == "1cdf040a-fa81-52ff-aedb-f9321fce555a" && n.Kind == ImportNoteKinds.Reopened && n.Source == "statecode 2");
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM StageHistory h JOIN Opportunities o ON o.Id = h.OpportunityId WHERE o.ExternalId = 'cef5e279-2eb8-5ecc-be36-3f9b718bbb06'"));
    }

    [Fact]
    public void HubSpotDateEnteredColumns_GiveTheLossyHistoryTheReadmeShows()
    {
        using var db = LoadedUpTo("hubspot", "hubspot-deal-stage-history");

        var report = Run(db, Preset("hubspot-deals-stage-columns"), Export("hubspot", "deals.csv"));

        Assert.True(report.Applied && report.TotalProblems == 0, Problems(report));
        var rows = db.Rows("SELECT s.Code || ' ' || h.EnteredAt || ' ' || IFNULL(h.LeftAt, '-') || ' ' || h.Outcome FROM StageHistory h " +
            "JOIN SalesStages s ON s.Id = h.StageId JOIN Opportunities o ON o.Id = h.OpportunityId WHERE o.ExternalId = '33401870012' ORDER BY s.Position");
        Assert.Equal(
        [
            "qualify 2025-04-23 02:00:00 2025-05-21 04:00:00 Advanced",
            "discover 2025-05-21 04:00:00 2025-05-21 04:00:00 Advanced",
            "propose 2025-05-21 04:00:00 2025-06-04 05:00:00 Advanced",
            "quote 2025-06-04 05:00:00 2025-06-04 05:00:00 Advanced",
            "negotiate 2025-06-04 05:00:00 - Open",
        ], rows);
    }

    [Fact]
    public void SalesforceReport_ConvertsShortIds_FindsOwnersByName_AndKeepsLocalCreationDates()
    {
        using var db = LoadedUpTo("salesforce", "salesforce-opportunity");

        var report = Run(db, Preset("salesforce-opportunities-report"), Export("salesforce", "opportunities-report.csv"));

        Assert.True(report.Applied && report.TotalProblems == 0, Problems(report));
        Assert.Equal(12, report.Inserted);
        var pinecrest = db.Rows("SELECT o.ExternalId, c.ExternalId, r.ExternalId, o.CreatedAt, o.Outcome, o.Industry FROM Opportunities o " +
            "JOIN Customers c ON c.Id = o.CustomerId JOIN Reps r ON r.Id = o.OwnerId WHERE o.ExternalId = '0065g0000007HchAAE'").Single();
        Assert.Equal("0065g0000007HchAAE | 0015g0000003xc7AAA | 0055g0000000VMdAAM | 2025-01-21 00:00:00 | Lost | education", pinecrest);
    }

    private static List<string> StageHistoryFrom(string preset, string file)
    {
        using var db = LoadedUpTo("salesforce", "salesforce-opportunity-history");
        var report = Run(db, Preset(preset), Export("salesforce", file));
        Assert.True(report.Applied && report.TotalProblems == 0, Problems(report));
        return Tables(db)["stage-history"];
    }

    /// <summary>A database with the vendor's export imported up to (not including) <paramref name="stop"/>.</summary>
    internal static IngestionTestDb LoadedUpTo(string vendor, string stop)
    {
        var db = new IngestionTestDb(withFixture: false);
        db.Load(ImportKind.Stages, File.ReadAllText(Path.Combine(RepoPaths.SeedData, "stages.csv")));
        foreach (var (preset, file, companions) in Plans[vendor].TakeWhile(p => p.Preset != stop))
        {
            var report = Run(db, Preset(preset), Export(vendor, file), companions.Select(c => (c.Name, Export(vendor, c.File))).ToArray());
            Assert.True(report.Applied, $"{preset}: {Problems(report)}");
        }

        return db;
    }

    private static IngestionTestDb ExpectedDatabase(string vendor)
    {
        var db = new IngestionTestDb(withFixture: false);
        db.Load(ImportKind.Stages, File.ReadAllText(Path.Combine(RepoPaths.SeedData, "stages.csv")));
        foreach (var kind in ImportKinds.LoadOrder.Skip(1))
        {
            var file = Export(vendor, Path.Combine("expected", kind.Slug() + ".csv"));
            if (File.Exists(file))
            {
                db.Load(kind, File.ReadAllText(file));
            }
        }

        return db;
    }
}
