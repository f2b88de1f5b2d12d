using static KnowledgeKaizen.Core.Tests.Ingestion.Mapping.MappedImports;

namespace KnowledgeKaizen.Core.Tests.Ingestion.Mapping;

/// <summary>Mappings on small hand-made exports through the real pipeline: translation, filters, fan-out, lookups and problems.</summary>
public sealed class MappingRuleTests : IDisposable
{
    private readonly IngestionTestDb db = new();

    /// <summary>A made-up CRM's deal export: German-ish headers, its own stage words, local times of Berlin.</summary>
    private static readonly ImportMapping Deals = ImportMapping.FromJson("""
        {
          "name": "acme-deals", "kind": "opportunities", "timeZone": "Europe/Berlin",
          "keep": [{ "column": "Typ", "notIn": ["Test"] }],
          "fields": {
            "external_id": { "column": "Nr" },
            "customer_id": { "column": "Kunde" },
            "owner_id": { "lookup": { "in": "reps", "match": "name", "key": { "column": "Verkäufer" }, "take": "external_id" } },
            "amount": { "column": "Wert", "ifEmpty": "0", "noteIfEmpty": true },
            "industry": { "lookup": { "in": "customers", "key": { "column": "Kunde" }, "take": "industry" } },
            "region": { "lookup": { "in": "customers", "key": { "column": "Kunde" }, "take": "region" } },
            "source": { "value": "web" },
            "created_at": { "column": "Angelegt", "format": "dd.MM.yyyy HH:mm" },
            "outcome": { "column": "Status", "values": { "Gewonnen": "won", "Verloren": "lost", "Offen": "open" } },
            "final_amount": { "field": "amount", "when": { "field": "outcome", "equals": "won" } }
          }
        }
        """);

    [Fact]
    public void ForeignLayout_IsTranslated_LocalTimesBecomeUtc_AndFilteredRowsAreCounted()
    {
        var report = MappedImports.Run(db, Deals, Csv(
            "Nr;Kunde;Verkäufer;Wert;Angelegt;Status;Typ".Replace(';', ','),
            "d1,c1,Ann Lee,1200.5,02.01.2025 09:30,Gewonnen,Neu",
            "d2,c1,王芳,,15.07.2025 10:00,Offen,Neu",
            "d3,c1,Ann Lee,99,03.01.2025 08:00,Offen,Test"));

        Assert.True(report.Applied, Problems(report));
        Assert.Equal((2L, 1L), (report.Inserted, report.Filtered));
        Assert.Equal(1, report.FilteredBy["Typ ∉ {Test}"]);
        Assert.Equal("acme-deals", report.Mapping);
        Assert.Equal(
            [
                "d1 | r1 | 1200.5 | manufacturing | East | 2025-01-02 08:30:00 | Won | 1200.5",
                "d2 | r2 | 0 | manufacturing | East | 2025-07-15 08:00:00 | Open | ",
            ],
            db.Rows("SELECT o.ExternalId, r.ExternalId, o.Amount, o.Industry, o.Region, o.CreatedAt, o.Outcome, IFNULL(o.FinalAmount, '') " +
                "FROM Opportunities o JOIN Reps r ON r.Id = o.OwnerId WHERE o.ExternalId LIKE 'd%' ORDER BY o.ExternalId"));
        var note = Assert.Single(report.Notes);
        Assert.Equal((3L, ImportNoteKinds.DefaultUsed, "amount", "0", "Wert"), (note.Line, note.Kind, note.Subject, note.Detail, note.Source));
    }

    [Fact]
    public void ValueMissingFromTheMap_IsAProblemNamingTheSourceColumn_AndNothingIsApplied()
    {
        var report = MappedImports.Run(db, Deals, Csv(
            "Nr,Kunde,Verkäufer,Wert,Angelegt,Status,Typ",
            "d1,c1,Ann Lee,10,02.01.2025 09:30,Gewonnen,Neu",
            "d2,c1,Ann Lee,10,02.01.2025 09:30,Vielleicht,Neu",
            "d3,c1,Ann Lee,10,2025-01-02,Offen,Neu"));

        Assert.False(report.Applied);
        Assert.Equal(2, report.Rejected);
        Assert.Contains(report.Problems, p => p.Line == 3 && p.Column == "outcome (Status)" && p.Reason.Contains("'Vielleicht'", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 4 && p.Column == "created_at (Angelegt)" && p.Reason.Contains("dd.MM.yyyy HH:mm", StringComparison.Ordinal));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Opportunities WHERE ExternalId LIKE 'd%'"));
    }

    [Fact]
    public void ARowWithSeveralMappingProblems_ListsEach_WithItsOwnColumn()
    {
        var report = MappedImports.Run(db, Deals, Csv(
            "Nr,Kunde,Verkäufer,Wert,Angelegt,Status,Typ",
            "d1,c1,Ann Lee,10,someday,Vielleicht,Neu"));

        Assert.Equal(1, report.Rejected);
        Assert.Equal(
            [("created_at (Angelegt)", ImportMessages.Format(ImportMessages.NotDateInZone, "someday", "dd.MM.yyyy HH:mm", "Europe/Berlin")),
             ("outcome (Status)", ImportMessages.Format(ImportMessages.NotInValueList, "Vielleicht", "Gewonnen, Verloren, Offen"))],
            report.Problems.Where(p => p.Line == 2).Select(p => (p.Column, p.Reason)).Order());
    }

    [Fact]
    public void PipelineProblemsOfAMappedValue_NameTheSourceColumnToo()
    {
        var report = RunInMode(db, Deals, Csv(
            "Nr,Kunde,Verkäufer,Wert,Angelegt,Status,Typ",
            "d1,c9,Ann Lee,-5,02.01.2025 09:30,Offen,Neu"), ImportMode.ValidRowsOnly);

        Assert.Contains(report.Problems, p => p.Line == 2 && p.Column == "customer_id (Kunde)" && p.Reason.Contains("Unknown customer 'c9'", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 2 && p.Column == "amount (Wert)");
    }

    [Fact]
    public void RepNamedTwice_IsAProblem_NotAGuess()
    {
        db.Load(ImportKind.Reps, "external_id,name,team,region,role\nr3,Ann Lee,West A,West,sales\n");

        var report = MappedImports.Run(db, Deals, Csv("Nr,Kunde,Verkäufer,Wert,Angelegt,Status,Typ", "d1,c1,Ann Lee,10,02.01.2025 09:30,Offen,Neu"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("owner_id (Verkäufer → reps.external_id)", problem.Column);
        Assert.Contains("2 rows of reps have name 'Ann Lee'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnMissingForARequiredField_IsAFileProblem_ForAnOptionalOneAWarning()
    {
        var report = MappedImports.Run(db, Deals, Csv("Nr,Kunde,Verkäufer,Wert,Status,Typ", "d1,c1,Ann Lee,10,Offen,Neu"));

        Assert.Contains(report.Problems, p => p.Line == 0 && p.Reason.Contains("no column Angelegt", StringComparison.Ordinal));

        var optional = Deals with { Fields = new Dictionary<string, FieldRule>(Deals.Fields) { ["loss_reason"] = FieldRule.FromColumn("Grund") } };
        var withWarning = MappedImports.Run(db, optional, Csv("Nr,Kunde,Verkäufer,Wert,Angelegt,Status,Typ", "d1,c1,Ann Lee,10,02.01.2025 09:30,Offen,Neu"));
        Assert.True(withWarning.Applied, Problems(withWarning));
        Assert.Contains(withWarning.Warnings, w => w.Contains("no column Grund", StringComparison.Ordinal));
    }

    [Fact]
    public void ElementList_GivesOneRowPerElement_WithTemplatedIds()
    {
        var mapping = ImportMapping.FromJson("""
            {
              "name": "meetings", "kind": "activities",
              "each": { "column": "deals", "json": "*" },
              "fields": {
                "external_id": { "template": "m-{id}-{each}" }, "opportunity_id": { "element": true }, "rep_id": { "column": "owner" },
                "type": { "value": "visit" }, "occurred_at": { "column": "at", "format": "epoch-s" }
              }
            }
            """);

        var report = MappedImports.Run(db, mapping, Csv("id,deals,owner,at", "7,\"[\"\"o1\"\",\"\"o2\"\"]\",r1,1735725600", "8,[],r1,1735725600"));

        Assert.True(report.Applied, Problems(report));
        Assert.Equal((2L, 1L), (report.Inserted, report.Filtered));
        Assert.Equal(["m-7-o1 | o1 | 2025-01-01 10:00:00", "m-7-o2 | o2 | 2025-01-01 10:00:00"],
            db.Rows("SELECT a.ExternalId, o.ExternalId, a.OccurredAt FROM Activities a JOIN Opportunities o ON o.Id = a.OpportunityId ORDER BY 1"));
    }

    [Fact]
    public void CompanionFile_GivesValuesOfOtherRows_AndItsAbsenceIsAFileProblem()
    {
        var mapping = ImportMapping.FromJson("""
            {
              "name": "tickets", "kind": "service-cases",
              "companions": [{ "name": "replies", "detect": ["ticket", "sent"] }],
              "fields": {
                "external_id": { "column": "no" }, "customer_id": { "value": "c1" }, "agent_id": { "value": "r2" },
                "opened_at": { "column": "opened" }, "channel": { "value": "email" }, "category": { "column": "topic", "rule": "category" },
                "priority": { "value": "normal" }, "subject": { "column": "title" },
                "first_response_at": { "lookup": { "in": "replies", "match": "ticket", "key": { "column": "no" },
                  "where": [{ "column": "public", "equals": "yes" }], "orderBy": "sent", "pick": "first", "take": "sent" } }
              }
            }
            """);
        var tickets = Csv("no,opened,topic,title", "t1,2025-02-01T08:00:00Z,Login Problems,Cannot sign in", "t2,2025-02-02T08:00:00Z,Billing,Refund");
        var replies = Encoding.UTF8.GetBytes("ticket,sent,public\nt1,2025-02-01T11:00:00Z,yes\nt1,2025-02-01T09:00:00Z,no\nt1,2025-02-01T10:00:00Z,yes\n");

        var missing = MappedImports.Run(db, mapping, tickets);
        var report = MappedImports.Run(db, mapping, tickets, ("replies", "replies.csv", replies));

        Assert.Contains(missing.Problems, p => p.Line == 0 && p.Reason.Contains("replies", StringComparison.Ordinal));
        Assert.True(report.Applied, Problems(report));
        Assert.Equal(["t1 | 2025-02-01 10:00:00 | login_problems", "t2 |  | billing"],
            db.Rows("SELECT ExternalId, FirstResponseAt, Category FROM ServiceCases ORDER BY ExternalId"));
    }

    [Fact]
    public void Derivation_UnmappedStageValue_IsAProblemOnItsLine_AndOnlyThatOpportunityIsLeftOut()
    {
        var mapping = ImportMapping.FromJson("""
            {
              "name": "changes", "kind": "stage-history",
              "derive": { "shape": "events", "opportunity": { "column": "deal" }, "at": { "column": "when" }, "stage": { "column": "to" },
                "stages": { "New": "qualify", "Met": "discover", "Offer": "propose", "Signed": "won", "Dropped": "lost" } }
            }
            """);

        var report = RunInMode(db, mapping, Csv("deal,when,to",
            "o1,2024-01-10T09:00:00Z,New", "o2,2024-02-10T09:00:00Z,New", "o2,2024-02-12T09:00:00Z,Parked", "o1,2024-01-20T09:00:00Z,Offer",
            "o1,2024-03-01T09:00:00Z,Signed", "o9,2024-03-01T09:00:00Z,New"), ImportMode.ValidRowsOnly);

        Assert.True(report.Applied);
        Assert.Contains(report.Problems, p => p.Line == 4 && p.Column == "stage (to)" && p.Reason.Contains("'Parked'", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 7 && p.Column == "opportunity_id (deal)" && p.Reason.Contains("import the opportunities first", StringComparison.Ordinal));
        Assert.Equal(
            ["o1:qualify | qualify | r1 | 2024-01-10 09:00:00 | 2024-01-20 09:00:00 | Advanced",
             "o1:discover | discover | r1 | 2024-01-20 09:00:00 | 2024-01-20 09:00:00 | Advanced",
             "o1:propose | propose | r1 | 2024-01-20 09:00:00 | 2024-03-01 09:00:00 | Advanced"],
            db.Rows("SELECT h.ExternalId, s.Code, r.ExternalId, h.EnteredAt, h.LeftAt, h.Outcome FROM StageHistory h JOIN SalesStages s ON s.Id = h.StageId " +
                "JOIN Reps r ON r.Id = h.RepId ORDER BY s.Position"));
        Assert.Contains(report.Notes, n => n.Kind == ImportNoteKinds.Skipped && n.Subject == "o1" && n.Detail == "discover" && n.Line == 5);
    }

    [Fact]
    public void Derivation_StageMapNamingAStageThePortalLacks_IsAFileProblem()
    {
        var mapping = ImportMapping.FromJson("""
            { "name": "changes", "kind": "stage-history",
              "derive": { "shape": "events", "opportunity": { "column": "deal" }, "at": { "column": "when" }, "stage": { "column": "to" },
                "stages": { "New": "qualify", "Contract": "contracting" } } }
            """);

        var report = MappedImports.Run(db, mapping, Csv("deal,when,to", "o1,2024-01-10T09:00:00Z,New"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(0, problem.Line);
        Assert.Contains("'contracting'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedRowOfAMappedFile_IsAProblem_NotACrash()
    {
        var report = MappedImports.Run(db, Deals, Encoding.UTF8.GetBytes("Nr,Kunde,Verkäufer,Wert,Angelegt,Status,Typ\nd1,c1,\"Ann Lee,10\n"));

        Assert.False(report.Applied);
        Assert.NotEqual(0, report.TotalProblems);
    }

    [Fact]
    public async Task JsonExport_IsReadWithNestedPropertiesFlattened()
    {
        var mapping = ImportMapping.FromJson("""
            { "name": "api-companies", "kind": "customers",
              "fields": { "external_id": { "column": "id" }, "name": { "column": "properties.name" }, "industry": { "value": "retail" },
                "region": { "column": "properties.state", "values": { "Zhejiang": "East" } }, "created_at": { "column": "createdAt" } } }
            """);
        var ndjson = Encoding.UTF8.GetBytes("""
            {"id": "701", "createdAt": "2024-05-01T08:00:00Z", "properties": {"name": "云帆", "state": "Zhejiang"}}

            {"id": "702", "createdAt": "2024-05-02T08:00:00Z", "properties": {"name": "Lotus", "state": "Hebei"}}
            """);

        using var context = db.NewContext();
        var bound = await new MappingBinder(context).BindAsync(mapping, new Dictionary<string, CompanionContent>());
        var report = await new ImportPipeline(context).RunAsync(new MemoryStream(ndjson),
            new ImportRequest(ImportKind.Customers, ImportFormat.Json, ImportMode.ValidRowsOnly, Mapping: bound));

        Assert.Equal(1, report.Inserted);
        var problem = Assert.Single(report.Problems);
        Assert.Equal((3L, "region (properties.state)"), (problem.Line, problem.Column));
        Assert.Equal(["701 | 云帆 | East"], db.Rows("SELECT ExternalId, Name, Region FROM Customers WHERE ExternalId LIKE '70%'"));
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    private static ImportReport RunInMode(IngestionTestDb database, ImportMapping mapping, byte[] file, ImportMode mode)
    {
        using var context = database.NewContext();
        var bound = new MappingBinder(context).BindAsync(mapping, new Dictionary<string, CompanionContent>()).GetAwaiter().GetResult();
        return new ImportPipeline(context).RunAsync(new MemoryStream(file), new ImportRequest(mapping.ImportKind, ImportFormat.Csv, mode, Mapping: bound))
            .GetAwaiter().GetResult();
    }

    public void Dispose() => db.Dispose();
}
