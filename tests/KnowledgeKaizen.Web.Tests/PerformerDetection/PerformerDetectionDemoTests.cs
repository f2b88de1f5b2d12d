using KnowledgeKaizen.Core.PerformerDetection;
using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Insights.PerformerDetection;
using KnowledgeKaizen.Insights.PerformerDetection.Retraining;
using Xunit.Abstractions;

namespace KnowledgeKaizen.Web.Tests.PerformerDetection;

/// <summary>The retraining on the demo data, the findings it stores, the API and who sees what. One shared, seeded portal.</summary>
public sealed class PerformerDetectionDemoTests(DemoDataPortalFactory factory, ITestOutputHelper output) : IClassFixture<DemoDataPortalFactory>
{
    private const string Manager = "km.performance@test.local";
    private const string Staff = "staff.performance@test.local";

    [Fact]
    public async Task FirstStartRetraining_FlagsPlantedStandouts_KeepsTheOthersPromising_AndNotTheLuckyNewRep()
    {
        var snapshot = await factory.SnapshotAsync();
        Assert.Equal(SnapshotStatus.Ready, snapshot.Status);
        Assert.NotNull(snapshot.ModelVersion);
        var standouts = await StandoutsAsync(snapshot.Id);
        var planted = DemoDataPortalFactory.PlantedStandouts();
        var found = planted.Count(p => standouts.Contains(p));
        var precision = standouts.Count == 0 ? 0 : (double)standouts.Count(planted.Contains) / standouts.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{snapshot.Rows} rows; standouts {string.Join(", ", standouts.Select(s => $"{s.Rep}/{s.Stage}"))}; found {found} of {planted.Count} planted; precision {precision:0.00}"));
        Assert.True(found >= 2, $"only {found} of {planted.Count} planted standouts found");
        Assert.True(precision >= 0.5, $"precision {precision:0.00}");
        Assert.DoesNotContain(standouts, s => s.Rep == "REP-036");

        // With one real effect among ~45 reps at a stage, z ≈ 3.7 on 156 entries is about a 60 % chance: Promising, not yet
        // a Standout. Every planted standout with a hundred entries or more is at least that.
        var wellEvidenced = await factory.WithDbAsync(db => (from f in db.PerformerFindings
                                                              join r in db.Reps on f.RepId equals r.Id
                                                              where f.SnapshotId == snapshot.Id && f.Figures.Entries >= 100
                                                              select new { r.ExternalId, f.Stage, f.Class }).ToListAsync());
        Assert.All(wellEvidenced.Where(f => planted.Contains((f.ExternalId, f.Stage))), f => Assert.Contains(f.Class, new[] { FindingClass.Standout, FindingClass.Promising }));
    }

    [Fact]
    public async Task Api_RequiresAManagerOrAToken()
    {
        await factory.SnapshotAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBrowserlessClient().GetAsync("/api/v1/insights/performance")).StatusCode);
        await factory.EnsureUserAsync(Staff, Roles.Staff);
        var staff = await factory.SignInAsync(Staff, PortalFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/insights/performance")).StatusCode);
        var manager = await ManagerAsync();
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/insights/performance")).StatusCode);

        string secret;
        using (var scope = factory.Services.CreateScope())
        {
            secret = await scope.ServiceProvider.GetRequiredService<ApiTokenAdministration>().CreateAsync("performance test", PortalFactory.AdminEmail, CancellationToken.None);
        }

        var tokenClient = factory.CreateBrowserlessClient();
        tokenClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await tokenClient.GetAsync("/api/v1/insights/performance?stage=qualify")).StatusCode);
    }

    [Fact]
    public async Task Api_ReturnsEveryPairWithItsFigures_OrderedByClassNotRawRate()
    {
        var snapshot = await factory.SnapshotAsync();
        var manager = await ManagerAsync();
        using var body = JsonDocument.Parse(await manager.GetStringAsync("/api/v1/insights/performance"));
        var root = body.RootElement;
        Assert.Equal("ready", root.GetProperty("status").GetString());
        Assert.Equal(snapshot.ModelVersion, root.GetProperty("modelVersion").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.True(findings.Count > 200, $"{findings.Count} pairs");
        var first = findings[0];
        foreach (var field in new[] { "repId", "stage", "n", "observed", "expected", "rawRate", "shrunkRate", "lift", "interval", "classification", "modelVersion" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal("Standout", first.GetProperty("classification").GetString());
        var ranks = findings.Select(f => FindingReader.Rank(Enum.Parse<FindingClass>(f.GetProperty("classification").GetString()!))).ToList();
        Assert.Equal(ranks.Order().ToList(), ranks);

        using var period = JsonDocument.Parse(await manager.GetStringAsync("/api/v1/insights/performance?from=2025-11-01&to=2026-11-01&stage=qualify"));
        Assert.Equal("period", period.RootElement.GetProperty("source").GetString());
        var periodFindings = period.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(periodFindings);
        Assert.All(periodFindings, f => Assert.Equal("qualify", f.GetProperty("stage").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/insights/performance?from=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/insights/performance?from=2026-01-01&to=2025-01-01")).StatusCode);
    }

    [Fact]
    public async Task NeedsCoaching_IsShownToManagers_AndNeverToTheRep()
    {
        var snapshot = await factory.SnapshotAsync();
        var coaching = await factory.WithDbAsync(db => db.PerformerFindings.AsNoTracking()
            .Where(f => f.SnapshotId == snapshot.Id && f.Class == FindingClass.NeedsCoaching).FirstAsync());
        var email = await factory.WithDbAsync(db => db.Reps.Where(r => r.Id == coaching.RepId).Select(r => r.Email!).SingleAsync());
        await factory.EnsureUserAsync(email, Roles.Staff);
        var rep = await factory.SignInAsync(email, PortalFactory.UserPassword);

        var repPage = await rep.GetStringAsync($"/Insights/Reps/{coaching.RepId}");
        Assert.DoesNotContain("data-class=\"NeedsCoaching\"", repPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await rep.GetAsync($"/Insights/Performance/{coaching.RepId}/{coaching.Stage}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await rep.GetAsync("/Insights/Performance")).StatusCode);

        var manager = await ManagerAsync();
        Assert.Contains("data-class=\"NeedsCoaching\"", await manager.GetStringAsync($"/Insights/Reps/{coaching.RepId}"), StringComparison.Ordinal);
        var detail = await manager.GetStringAsync($"/Insights/Performance/{coaching.RepId}/{coaching.Stage}");
        Assert.Contains("data-testid=\"behaviour\"", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelPage_ShowsTheReport_AndAWorseModelIsNotPromoted()
    {
        var snapshot = await factory.SnapshotAsync();
        var manager = await ManagerAsync();
        var page = await manager.GetStringAsync("/Insights/Model");
        Assert.Contains("data-testid=\"auc\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"calibration\"", page, StringComparison.Ordinal);
        Assert.Contains("LightGbm", page, StringComparison.Ordinal);

        // The trust check was computed by the retraining and stored with the model: the page only reads it.
        Assert.Contains("data-testid=\"validation\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"false-standouts\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"time-split\"", page, StringComparison.Ordinal);
        var validation = (await factory.Services.GetRequiredService<ModelStore>().ReportOfAsync(snapshot.ModelVersion!.Value))!.Validation!;
        Assert.True(validation.Replicates >= 3 && validation.Pairs > 100, $"{validation.Replicates} replicates of {validation.Pairs} pairs");
        Assert.NotNull(validation.TimeSplit);
        Assert.Contains("data-testid=\"validation\"", await manager.GetStringAsync("/Insights/Performance"), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<ModelStore>();
        var serving = await store.CurrentVersionAsync();
        // A model that may not use the deal features falls back to stage base rates: clearly worse than the serving trees.
        var worse = services.GetRequiredService<ExpectedOutcomeOptions>() with { MinAucGainOverBaseRate = 1 };
        var handler = ActivatorUtilities.CreateInstance<RetrainJobHandler>(services, worse);
        var progress = new RecordedProgress();
        var result = await handler.RetrainAsync(progress, null, CancellationToken.None);

        Assert.Equal("rejected", result.Outcome);
        // Rejected models are not kept, so it stops after training: no check of its findings, nothing saved.
        Assert.Contains(progress.Steps, s => s.StartsWith("Training on", StringComparison.Ordinal));
        Assert.DoesNotContain(KnowledgeKaizen.Insights.InsightMessages.SavingModel, progress.Steps);
        Assert.Equal(serving, await store.CurrentVersionAsync());
        Assert.Equal(snapshot.Id, (await factory.SnapshotAsync()).Id);
    }

    [Fact]
    public async Task ARetrainingJobRunAgain_AfterItsInstanceDiedHavingPromoted_KeepsItsVersion_AndDoesItsWorkOnce()
    {
        await factory.SnapshotAsync();
        using var scope = factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ModelStore>();
        var handler = ActivatorUtilities.CreateInstance<RetrainJobHandler>(scope.ServiceProvider);
        // The first run of a job promoted its model and died before storing the findings: the serving model, promoted again
        // under the job's name, with no snapshot of that version.
        var job = Guid.NewGuid();
        var promoted = (await store.SaveAndPromoteAsync((await store.LoadCurrentAsync())!, 1, job)).Version!.Value;
        var versions = (await store.HistoryAsync()).Count;

        var again = await handler.RetrainAsync(new RecordedProgress(), job, CancellationToken.None);

        Assert.Equal(("promoted", promoted), (again.Outcome, again.ModelVersion));
        Assert.Equal((versions, promoted), ((await store.HistoryAsync()).Count, await store.CurrentVersionAsync()));
        var snapshot = await factory.SnapshotAsync();
        Assert.Equal((again.SnapshotId, (int?)promoted), ((long?)snapshot.Id, snapshot.ModelVersion));

        // Run once more (died after storing the findings): nothing is trained or stored again.
        var progress = new RecordedProgress();
        var third = await handler.RetrainAsync(progress, job, CancellationToken.None);
        Assert.Equal(("promoted", promoted, (long?)snapshot.Id), (third.Outcome, third.ModelVersion, third.SnapshotId));
        Assert.DoesNotContain(progress.Steps, s => s.StartsWith("Training on", StringComparison.Ordinal));
        Assert.Equal(snapshot.Id, (await factory.SnapshotAsync()).Id);
        Assert.Equal(versions, (await store.HistoryAsync()).Count);
    }

    [Fact]
    public async Task CaptureRequest_BecomesATaskForTheRep_WhoseAcceptanceOpensADraftWithTheEvidence()
    {
        var snapshot = await factory.SnapshotAsync();
        var standout = await factory.WithDbAsync(db => db.PerformerFindings.AsNoTracking()
            .Where(f => f.SnapshotId == snapshot.Id && f.Class == FindingClass.Standout).OrderBy(f => f.RepId).FirstAsync());
        var email = await factory.WithDbAsync(db => db.Reps.Where(r => r.Id == standout.RepId).Select(r => r.Email!).SingleAsync());
        var repUserId = await factory.EnsureUserAsync(email, Roles.Contributor);

        var manager = await ManagerAsync();
        var sent = await PortalFactory.PostFormAsync(manager, "/Insights/Performance?handler=Send",
            new() { ["findingRepId"] = standout.RepId.ToString(CultureInfo.InvariantCulture), ["findingStage"] = standout.Stage }, "/Insights/Performance");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var request = await factory.WithDbAsync(db => db.CaptureRequests.AsNoTracking().SingleAsync(c => c.RepId == standout.RepId && c.Stage == standout.Stage));
        Assert.Equal(repUserId, request.RepUserId);

        var rep = await factory.SignInAsync(email, PortalFactory.UserPassword);
        Assert.Contains("data-testid=\"notification-count\">1<", await rep.GetStringAsync("/Tasks"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/Tasks/Capture/{request.Id}\"", await rep.GetStringAsync("/"), StringComparison.Ordinal);
        var capture = await rep.GetStringAsync($"/Tasks/Capture/{request.Id}");
        Assert.Contains("Performance evidence", capture, StringComparison.Ordinal);

        var accepted = await PortalFactory.PostFormAsync(rep, $"/Tasks/Capture/{request.Id}?handler=Accept", [], $"/Tasks/Capture/{request.Id}");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith("/Knowledge/Edit/", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var draft = await factory.WithDbAsync(db => db.CaptureRequests.AsNoTracking().SingleAsync(c => c.Id == request.Id));
        Assert.Equal(CaptureRequestStatus.Drafted, draft.Status);
        var editor = await rep.GetStringAsync(accepted.Headers.Location!.OriginalString);
        Assert.Contains("Performance evidence", editor, StringComparison.Ordinal);
        Assert.Contains("What I do", editor, StringComparison.Ordinal);

        var again = await PortalFactory.PostFormAsync(manager, "/Insights/Performance?handler=Send",
            new() { ["findingRepId"] = standout.RepId.ToString(CultureInfo.InvariantCulture), ["findingStage"] = standout.Stage }, "/Insights/Performance");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.CaptureRequests.CountAsync(c => c.RepId == standout.RepId && c.Stage == standout.Stage)));
    }

    [Fact]
    public async Task CaptureRequest_ForARepWithoutAccount_AsksTheManagerToInviteThem()
    {
        var snapshot = await factory.SnapshotAsync();
        var standout = await factory.WithDbAsync(db => db.PerformerFindings.AsNoTracking()
            .Where(f => f.SnapshotId == snapshot.Id && f.Class == FindingClass.Standout).OrderByDescending(f => f.RepId).FirstAsync());
        var manager = await ManagerAsync();
        var response = await PortalFactory.PostFormAsync(manager, "/Insights/Performance?handler=Send",
            new() { ["findingRepId"] = standout.RepId.ToString(CultureInfo.InvariantCulture), ["findingStage"] = standout.Stage }, "/Insights/Performance");
        Assert.Contains("data-testid=\"invite-rep\"", await response.BodyAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.CaptureRequests.AnyAsync(c => c.RepId == standout.RepId && c.Stage == standout.Stage)));
    }

    [Fact]
    public async Task ASuccessfulImport_MakesARetrainingDue()
    {
        await factory.SnapshotAsync();
        await WaitForIdleRetrainingAsync();
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<RetrainTrigger>().DueReasonAsync());
        }

        await factory.EnsureUserAsync("admin.import@test.local", Roles.Admin);
        var admin = await factory.SignInAsync("admin.import@test.local", PortalFactory.UserPassword);
        var csv = "code,name,name_zh,position\r\nqualify,Lead qualification,线索确认,1\r\n";
        var imported = await admin.PostAsync("/api/v1/imports/stages", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        using var after = factory.Services.CreateScope();
        Assert.Equal("after an import", await after.ServiceProvider.GetRequiredService<RetrainTrigger>().DueReasonAsync());
    }

    private Task WaitForIdleRetrainingAsync() =>
        Eventually.TrueAsync("no retraining to be queued or running", async () =>
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<RetrainTrigger>().ActiveAsync() is null;
        });

    private async Task<HashSet<(string Rep, string Stage)>> StandoutsAsync(long snapshotId) =>
        (await factory.WithDbAsync(db => (from f in db.PerformerFindings
                                          join r in db.Reps on f.RepId equals r.Id
                                          where f.SnapshotId == snapshotId && f.Class == FindingClass.Standout
                                          select new { r.ExternalId, f.Stage }).ToListAsync()))
        .Select(x => (x.ExternalId, x.Stage)).ToHashSet();

    private async Task<HttpClient> ManagerAsync()
    {
        await factory.EnsureUserAsync(Manager, Roles.KnowledgeManager);
        return await factory.SignInAsync(Manager, PortalFactory.UserPassword);
    }

    /// <summary>The steps a job reported, in order.</summary>
    private sealed class RecordedProgress : Core.Jobs.IJobProgress
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Steps { get; } = new();

        public Task ReportAsync(double fraction, string? message, CancellationToken cancellationToken = default)
        {
            Steps.Enqueue(message ?? string.Empty);
            return Task.CompletedTask;
        }
    }
}
