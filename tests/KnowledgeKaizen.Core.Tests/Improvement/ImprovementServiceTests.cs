namespace KnowledgeKaizen.Core.Tests.Improvement;

public sealed class ImprovementServiceTests : IDisposable
{
    private readonly KnowledgeTestDatabase database = new();

    [Fact]
    public async Task LacksStandard_PdcaOnAStageWithoutPublishedProcedure_IsTrueUntilOneIsPublished()
    {
        await using var db = database.NewContext();
        var service = Service(db);
        Assert.True(await service.LacksStandardAsync(CycleType.Pdca, "discover"));
        Assert.False(await service.LacksStandardAsync(CycleType.Sdca, "discover"));

        await PublishedPairAsync();

        Assert.False(await service.LacksStandardAsync(CycleType.Pdca, "discover"));
    }

    [Fact]
    public async Task Plan_StoresTheMeasuredBaseline()
    {
        await using var db = database.NewContext();

        var cycle = await Service(db).PlanAsync(Plan());

        Assert.Equal(55.5, cycle.BaselineValue);
        Assert.Equal(321, cycle.BaselineSample);
        Assert.Equal(3, cycle.DefinitionVersion);
    }

    [Fact]
    public async Task Plan_WithAnUnknownMetric_IsRefused()
    {
        await using var db = database.NewContext();

        await Assert.ThrowsAsync<ImprovementRuleException>(() => Service(db).PlanAsync(Plan() with { Target = new TargetMetric("nope", null, null) }));
    }

    [Fact]
    public async Task Adapt_Standardise_PromotesThePlaybookAndClosesTheCycle()
    {
        var (procedureId, playbookId) = await PublishedPairAsync();
        await using var db = database.NewContext();
        var service = Service(db);
        var cycle = await service.PlanAsync(Plan());
        await service.LinkAsync(cycle.Id, CycleLinkKind.Playbook, playbookId);
        await InAdaptAsync(db, cycle.Id);

        await service.StandardiseAsync(cycle.Id, playbookId, KnowledgeTestDatabase.Manager);

        await using var check = database.NewContext();
        var closed = await check.ImprovementCycles.Include(c => c.Links).SingleAsync(c => c.Id == cycle.Id);
        Assert.Equal(CycleOutcome.Standardised, closed.Outcome);
        Assert.Contains(closed.Links, l => l.Kind == CycleLinkKind.ProcedureRevision && l.TargetId == procedureId);
        Assert.Equal(DocumentStatus.Standardised, (await check.KnowledgeDocuments.SingleAsync(d => d.Id == playbookId)).Status);
    }

    [Fact]
    public async Task Adapt_OpenNext_StartsAChainedPdcaCycleFromThisResult()
    {
        var (_, playbookId) = await PublishedPairAsync();
        await using var db = database.NewContext();
        var service = Service(db);
        var first = await service.PlanAsync(Plan() with { Type = CycleType.Sdca });
        await service.LinkAsync(first.Id, CycleLinkKind.Playbook, playbookId);
        await InAdaptAsync(db, first.Id);

        var next = await service.OpenNextAsync(first.Id, "Push further");

        Assert.Equal(CycleType.Pdca, next.Type);
        Assert.Equal(first.Id, next.ParentCycleId);
        var chain = await service.ChainAsync(next.Id);
        Assert.Equal([first.Id, next.Id], chain.Select(c => c.Id));
        Assert.Equal(CycleOutcome.NextCycle, chain[0].Outcome);
    }

    [Fact]
    public async Task LinkedItems_ADeletedPlaybook_IsShownAsMissing()
    {
        var playbookId = await database.NewPlaybookAsync();
        await using var db = database.NewContext();
        var service = Service(db);
        var cycle = await service.PlanAsync(Plan());
        await service.LinkAsync(cycle.Id, CycleLinkKind.Playbook, playbookId);
        await db.KnowledgeDocuments.Where(d => d.Id == playbookId).ExecuteDeleteAsync();

        var items = await service.LinkedItemsAsync((await service.FindAsync(cycle.Id))!);

        Assert.False(Assert.Single(items).Exists);
    }

    [Fact]
    public async Task Link_ACourseWithoutACourseModule_IsRefused()
    {
        await using var db = database.NewContext();
        var service = Service(db);
        var cycle = await service.PlanAsync(Plan());

        await Assert.ThrowsAsync<ImprovementRuleException>(() => service.LinkAsync(cycle.Id, CycleLinkKind.Course, 1));
    }

    [Fact]
    public async Task Applied_TogglesPerUserAndOnlyOnPublishedPlaybooks()
    {
        var (procedureId, playbookId) = await PublishedPairAsync();
        await using var db = database.NewContext();
        var adoption = new AdoptionService(db, database.Clock);

        Assert.True(await adoption.ToggleAppliedAsync(playbookId, "reader-1"));
        await adoption.RecordViewAsync(playbookId, "reader-1");
        await adoption.RecordViewAsync(playbookId, "reader-1");
        var state = await adoption.StateAsync(playbookId, "reader-1");
        Assert.Equal((true, 1, 1), (state.AppliedByMe, state.Applications, state.Readers));

        Assert.False(await adoption.ToggleAppliedAsync(playbookId, "reader-1"));
        await Assert.ThrowsAsync<ImprovementRuleException>(() => adoption.ToggleAppliedAsync(procedureId, "reader-1"));
    }

    [Fact]
    public async Task Kudos_SecondOnTheSameDay_IsRefused()
    {
        await database.AddUserAsync(KnowledgeTestDatabase.Author.UserId!, "li.na@demo.kaizen");
        await using var db = database.NewContext();
        var recognition = new RecognitionService(db, database.Clock);

        await recognition.GiveAsync("reader-1", "Reader", KnowledgeTestDatabase.Author.UserId!, "Great playbook");

        await Assert.ThrowsAsync<ImprovementRuleException>(() => recognition.GiveAsync("reader-1", "Reader", KnowledgeTestDatabase.Author.UserId!, "Again"));
        database.Clock.Now = database.Clock.Now.AddDays(1);
        await recognition.GiveAsync("reader-1", "Reader", KnowledgeTestDatabase.Author.UserId!, "Again");
    }

    [Fact]
    public async Task Recognition_CreditsReuseAndHelpfulVotes()
    {
        var (_, playbookId) = await PublishedPairAsync();
        await using var db = database.NewContext();
        await new AdoptionService(db, database.Clock).ToggleAppliedAsync(playbookId, "reader-1");
        await new ReaderFeedbackService(db, database.Clock).RecordAsync(playbookId, "reader-2", FeedbackKind.Helpful, null);

        var credits = await new RecognitionService(db, database.Clock).ContributorsAsync();

        var author = Assert.Single(credits, c => c.UserId == KnowledgeTestDatabase.Author.UserId);
        Assert.Equal((1, 1), (author.Reuse, author.Helpful));
    }

    private ImprovementService Service(KnowledgeKaizenDbContext db) =>
        new(db, new FixedMeasurement(), new PortalSignals(db), new StandardisationService(db, database.Service(db)), database.Clock);

    private static CyclePlan Plan() => new(CycleType.Pdca, "Two visits in discovery", "Discovery conversion is low", "West-1", "manager-1", "Zhou Min",
        new CycleRoles("Ann", "Ben", "Cai"), new TargetMetric("stage-conversion", "discover", null), 65,
        new DateTime(2026, 6, 1), new DateTime(2026, 9, 1), new DateTime(2026, 9, 1), new DateTime(2026, 12, 1));

    private static async Task InAdaptAsync(KnowledgeKaizenDbContext db, int cycleId)
    {
        var cycle = await db.ImprovementCycles.Include(c => c.Links).SingleAsync(c => c.Id == cycleId);
        cycle.MoveTo(CyclePhase.Do, new DateTime(2026, 9, 1));
        cycle.MoveTo(CyclePhase.Check, new DateTime(2026, 11, 1));
        cycle.RecordCheck(new CheckResult(CheckVerdict.Improved, 55, 66, 300, 300, 11, 3, 19, 0.01, null, new DateTime(2026, 11, 1)));
        cycle.MoveTo(CyclePhase.Adapt, new DateTime(2026, 11, 2));
        await db.SaveChangesAsync();
    }

    private async Task<(int ProcedureId, int PlaybookId)> PublishedPairAsync()
    {
        await using var db = database.NewContext();
        var service = database.Service(db);
        var manager = KnowledgeTestDatabase.Manager;
        var procedure = await service.CreateAsync(DocumentKind.Procedure, "en", "discovery-visit", "Discovery visit",
            "### 3. Confirm the problem {#step-3}\n", new DocumentMetadata { Owner = "Sales Operations", Stages = ["discover"] }, manager);
        await service.SubmitAsync(procedure.Id, manager);
        await service.ApproveAsync(procedure.Id, 1, null, new DateOnly(2026, 11, 1), manager);
        var playbookId = await database.NewPlaybookAsync(body: "## What I do\n\nTwo visits.\n");
        await service.SubmitAsync(playbookId, KnowledgeTestDatabase.Author);
        await service.ApproveAsync(playbookId, 1, null, null, manager);
        return (procedure.Id, playbookId);
    }

    public void Dispose() => database.Dispose();

    private sealed class FixedMeasurement : ICycleMeasurement
    {
        public int? DefinitionVersion(string metricKey) => metricKey == "stage-conversion" ? 3 : null;

        public Task<MeasuredBaseline> MeasureAsync(TargetMetric metric, DateTime from, DateTime to, CancellationToken ct = default) =>
            Task.FromResult(new MeasuredBaseline(55.5, 321, 3));
    }
}
