using KnowledgeKaizen.Core.Ingestion;

namespace KnowledgeKaizen.Core.Tests.Ingestion;

public sealed class ImportPipelineTests : IDisposable
{
    private const string Header = "external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n";
    private readonly IngestionTestDb db = new();

    [Fact]
    public void Fixture_LoadsStagesRepsCustomersAndOpportunities()
    {
        Assert.Equal(3, db.Count("SalesStages"));
        Assert.Equal(2, db.Count("Reps"));
        Assert.Equal(2, db.Count("Opportunities"));
    }

    [Fact]
    public void ValidFile_InsertsEveryRow()
    {
        var report = db.Run(ImportKind.StageHistory, Header + "h1,o1,qualify,r1,2024-01-10,2024-01-20,advanced\nh2,o1,discover,r1,2024-01-20,,open\n");

        Assert.True(report.Applied);
        Assert.Equal((2, 0, 0), (report.Inserted, report.Updated, report.Unchanged));
        Assert.Equal(2, db.Count("StageHistory"));
    }

    [Fact]
    public void SameFileTwice_ChangesNothingTheSecondTime()
    {
        const string file = Header + "h1,o1,qualify,r1,2024-01-10,2024-01-20,advanced\n";
        db.Run(ImportKind.StageHistory, file);

        var again = db.Run(ImportKind.StageHistory, file);

        Assert.Equal((0, 0, 1), (again.Inserted, again.Updated, again.Unchanged));
    }

    [Fact]
    public void CorrectedRow_UpdatesTheExistingRecord()
    {
        db.Run(ImportKind.StageHistory, Header + "h1,o1,qualify,r1,2024-01-10,2024-01-20,advanced\n");

        var corrected = db.Run(ImportKind.StageHistory, Header + "h1,o1,qualify,r2,2024-01-10,2024-01-21,lost\n");

        Assert.Equal((0, 1, 0), (corrected.Inserted, corrected.Updated, corrected.Unchanged));
        using var ctx = db.NewContext();
        var entry = ctx.StageHistory.Single();
        Assert.Equal(new DateTime(2024, 1, 21), entry.LeftAt);
        Assert.Equal(KnowledgeKaizen.Core.Crm.StageOutcome.Lost, entry.Outcome);
    }

    [Fact]
    public void DryRun_CountsButKeepsNothing()
    {
        var report = db.Run(ImportKind.StageHistory, Header + "h1,o1,qualify,r1,2024-01-10,,open\n", dryRun: true);

        Assert.False(report.Applied);
        Assert.Equal(1, report.Inserted);
        Assert.Equal(0, db.Count("StageHistory"));
    }

    [Fact]
    public void Reps_AreLinkedToThePortalUserWithTheSameEmail()
    {
        using (var ctx = db.NewContext())
        {
            ctx.Users.Add(new Identity.AppUser { UserName = "ann@example.com", Email = "ann@example.com", NormalizedEmail = "ANN@EXAMPLE.COM" });
            ctx.SaveChanges();
        }

        db.Run(ImportKind.Reps, IngestionTestDb.Reps.Replace("Ann Lee", "Ann Lee-Smith", StringComparison.Ordinal));

        using var check = db.NewContext();
        var userId = check.Users.Single().Id;
        Assert.Equal(userId, check.Reps.Single(r => r.ExternalId == "r1").UserId);
        Assert.Null(check.Reps.Single(r => r.ExternalId == "r2").UserId);
    }

    [Fact]
    public void ServiceCases_RecordASearchOutboxEntryPerChangedRow()
    {
        const string file = "external_id,customer_id,agent_id,opened_at,channel,category,priority,subject\ncs1,c1,r2,2024-05-01T09:00:00Z,phone,billing,high,Invoice wrong\n";
        db.Run(ImportKind.ServiceCases, file);
        db.Run(ImportKind.ServiceCases, file);

        using var ctx = db.NewContext();
        Assert.Equal(1, ctx.SearchOutbox.Count(e => e.DocumentType == "case"));
    }

    public void Dispose() => db.Dispose();
}
