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
    public void RowSavedThroughEf_IsUnchangedWhenImportedWithTheSameValues()
    {
        using (var ctx = db.NewContext())
        {
            var opportunity = ctx.Opportunities.Single(o => o.ExternalId == "o1");
            var stage = ctx.SalesStages.Single(s => s.Code == "qualify");
            var rep = ctx.Reps.Single(r => r.ExternalId == "r1");
            var entry = new KnowledgeKaizen.Core.Crm.StageHistoryEntry("h1", opportunity.Id, stage.Id, rep.Id, new DateTime(2024, 1, 10, 9, 30, 15, 250));
            entry.Advance(new DateTime(2024, 1, 20));
            ctx.StageHistory.Add(entry);
            ctx.SaveChanges();
        }

        var report = db.Run(ImportKind.StageHistory, Header + "h1,o1,qualify,r1,2024-01-10T09:30:15.25,2024-01-20,advanced\n");

        Assert.Equal((0, 0, 1), (report.Inserted, report.Updated, report.Unchanged));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(100)]
    public void FullBatchesAndTheTail_InsertThenUpsertRowByRow(int rows)
    {
        string File(int corrected) => Header + string.Concat(Enumerable.Range(0, rows).Select(i =>
            $"h{i},o{(i % 2) + 1},qualify,{(i == corrected ? "r2" : "r1")},2024-01-10,2024-01-{11 + (i % 9)},advanced\n"));

        var first = db.Run(ImportKind.StageHistory, File(-1));
        var again = db.Run(ImportKind.StageHistory, File(-1));
        var corrected = db.Run(ImportKind.StageHistory, File(rows - 1));

        Assert.Equal((rows, 0, 0), (first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, rows), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((0, 1, rows - 1), (corrected.Inserted, corrected.Updated, corrected.Unchanged));
        Assert.Equal(rows, db.Count("StageHistory"));
        Assert.Equal(1, db.Scalar($"SELECT COUNT(*) FROM StageHistory h JOIN Reps r ON r.Id = h.RepId WHERE r.ExternalId = 'r2' AND h.ExternalId = 'h{rows - 1}'"));
    }

    [Fact]
    public void AfterAnApply_ItsConnectionEnforcesForeignKeys_AndCheckpointsAutomaticallyAgain()
    {
        var report = db.Run(ImportKind.StageHistory, Header + "h1,o1,qualify,r1,2024-01-10,2024-01-11,advanced\n");

        // Applying turns both off on its pooled connection (checkpoints then follow each batch, outside its write turn).
        Assert.True(report.Applied);
        Assert.Equal(1, db.Scalar("PRAGMA foreign_keys"));
        Assert.Equal(1000, db.Scalar("PRAGMA wal_autocheckpoint"));
    }

    [Fact]
    public async Task Progress_ReadsTheWholeFile_ThenAppliesEveryRow()
    {
        var file = Header + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"p{i},o1,qualify,r1,2024-01-10,,open\n"));
        var calls = new List<(ImportPhase Phase, double Fraction, long Rows)>();
        using var context = db.NewContext();

        await new ImportPipeline(context).RunAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file)),
            new ImportRequest(ImportKind.StageHistory, ImportFormat.Csv), (phase, fraction, rows) =>
            {
                calls.Add((phase, fraction, rows));
                return Task.CompletedTask;
            });

        var reading = calls.TakeWhile(c => c.Phase == ImportPhase.Reading).ToList();
        var applying = calls.Skip(reading.Count).ToList();
        Assert.True(reading.Count >= 3);
        Assert.All(reading[..^1], c => Assert.True(c.Rows < 10_000 && c.Fraction < 1));
        Assert.Equal((ImportPhase.Reading, 1.0, 10_000L), reading[^1]);
        Assert.True(applying.Count >= 2, "more than one apply batch");
        Assert.All(applying, c => Assert.Equal(ImportPhase.Applying, c.Phase));
        Assert.Equal(ImportPipeline.FirstBatchRows, applying[0].Rows);
        Assert.Equal((ImportPhase.Applying, 1.0, 10_000L), applying[^1]);
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
