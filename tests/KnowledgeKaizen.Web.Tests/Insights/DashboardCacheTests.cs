using System.Text.Json.Serialization;
using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Web.Tests.Data;

namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>
/// The dashboards' result cache on the demo data: cached figures are the live queries' figures, and every kind of
/// write to what they read — imports of stage history, cases and feedback, a recording through the frontline API, a
/// write outside the portal — is seen by the very next request, on both databases.
/// </summary>
public abstract class DashboardCacheTests(DemoDataPortalFactory portal)
{
    private static readonly MetricViewer Manager = new(true, null);
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private static readonly MetricFilter June = new(Day(2025, 6, 1), Day(2025, 7, 1));

    private static DateTime Day(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One request's answer: a scope of its own, the portal's cached metrics.</summary>
    private async Task<object?> CachedAsync(Func<ProcessMetrics, Task<object?>> read)
    {
        using var scope = portal.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<ProcessMetrics>());
    }

    /// <summary>The same question answered by the live queries, with no cache.</summary>
    private Task<object?> LiveAsync(Func<ProcessMetrics, Task<object?>> read) => portal.WithDbAsync(db => read(new ProcessMetrics(db)));

    [Fact]
    public async Task CachedDashboards_EqualTheLiveQueries_AndRepeatedRequestsAreServedFromTheCache()
    {
        var rep = await portal.WithDbAsync(db => db.Reps.Where(r => r.ExternalId == "REP-007").Select(r => r.Id).SingleAsync());
        var reads = new List<Func<ProcessMetrics, Task<object?>>>();
        foreach (var filter in new MetricFilter[] { MetricFilter.Default(DemoDataPortalFactory.SeedToday.UtcDateTime), new(Day(2025, 1, 10), Day(2025, 11, 20)) })
        {
            reads.Add(async m => await m.OverviewAsync(filter));
            reads.Add(async m => await m.RepStageMatrixAsync(Manager, filter));
            reads.Add(async m => await m.RepReportAsync(Manager, rep, filter));
            reads.Add(async m => await m.ServiceAsync(filter));
            reads.Add(async m => await m.FeedbackAsync(filter));
        }

        reads.Add(async m => await m.FilterOptionsAsync(Manager));
        foreach (var read in reads)
        {
            var first = await CachedAsync(read);
            Assert.Same(first, await CachedAsync(read));
            SameFigures.Assert((await LiveAsync(read))!, first!, "cached against live");
        }
    }

    [Fact]
    public async Task EveryKindOfWrite_IsSeenByTheNextRequest()
    {
        var (opportunity, customer, rep, agent) = await portal.WithDbAsync(async db => (
            await db.Opportunities.OrderBy(o => o.Id).Select(o => o.ExternalId).FirstAsync(),
            await db.Customers.OrderBy(c => c.Id).Select(c => c.ExternalId).FirstAsync(),
            await db.Reps.Where(r => r.Role == RepRole.Sales).OrderBy(r => r.Id).Select(r => r.ExternalId).FirstAsync(),
            await db.Reps.Where(r => r.Role == RepRole.Service).OrderBy(r => r.Id).Select(r => r.ExternalId).FirstAsync()));
        var writes = new (string What, Func<ProcessMetrics, Task<object?>> Read, Func<Task> Write)[]
        {
            ("stage-history import", async m => await m.OverviewAsync(June), () => ImportAsync(ImportKind.StageHistory,
                $"external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\nSH-CACHE-1,{opportunity},qualify,{rep},2025-06-10T10:00:00Z,,open\n")),
            ("service-case import", async m => await m.ServiceAsync(June), () => ImportAsync(ImportKind.ServiceCases,
                "external_id,customer_id,agent_id,opened_at,first_response_at,resolved_at,channel,category,priority,satisfaction,cost,subject,description,resolution\n"
                + $"CASE-CACHE-1,{customer},{agent},2025-06-11T09:00:00Z,2025-06-11T10:00:00Z,,phone,billing,normal,,40,Invoice twice,Billed twice in June,\n")),
            ("feedback import", async m => await m.FeedbackAsync(June), () => ImportAsync(ImportKind.Feedback,
                "external_id,customer_id,case_id,channel,type,category,text,score,received_at,handled_by,handling_record,resolved_at\n"
                + $"FB-CACHE-1,{customer},,email,complaint,billing,Billed twice.,1,2025-06-12T08:00:00Z,{agent},,\n")),
            ("frontline recording", async m => await m.FeedbackAsync(June), RecordComplaintAsync),
            ("a write outside the portal", async m => await m.FilterOptionsAsync(Manager), () => portal.WithDbAsync(db =>
                db.Database.ExecuteSqlRawAsync("""UPDATE "Reps" SET "Team" = 'Night shift' WHERE "ExternalId" = {0}""", rep))),
        };

        async Task RecordComplaintAsync()
        {
            var user = await portal.EnsureUserAsync("frontline@test.local", Roles.Contributor);
            using var scope = portal.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<FrontlineRecorder>().RecordFeedbackAsync(
                new FeedbackInput(FeedbackChannel.Phone, FeedbackType.Complaint, "The delivery came a week late.", CustomerId: customer, ReceivedAt: Day(2025, 6, 14)), user);
        }

        foreach (var (what, read, write) in writes)
        {
            var before = JsonSerializer.Serialize(await CachedAsync(read), Json);
            await write();
            var after = await CachedAsync(read);

            Assert.NotEqual(before, JsonSerializer.Serialize(after, Json));
            SameFigures.Assert((await LiveAsync(read))!, after!, what);
        }
    }

    [Fact]
    public async Task AComplaintPostedThroughTheApi_IsOnTheDashboardsNextDownload()
    {
        using var client = await portal.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        const string csv = "/Insights/Feedback?handler=Csv&table=feedback-summary&from=2025-09-01&to=2025-09-30";
        var before = await ComplaintsAsync(client, csv);

        var customer = await portal.WithDbAsync(db => db.Customers.OrderByDescending(c => c.Id).Select(c => c.ExternalId).FirstAsync());
        var posted = await client.PostAsJsonAsync("/api/v1/feedback", new Dictionary<string, object>
        {
            ["channel"] = "chat", ["type"] = "complaint", ["text"] = "Nobody called back.", ["customer_id"] = customer, ["received_at"] = "2025-09-15T10:00:00Z",
        });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        Assert.Equal(before + 1, await ComplaintsAsync(client, csv));
    }

    /// <summary>The "Complaints" row's figure for the period, from the page's own CSV download.</summary>
    private static async Task<long> ComplaintsAsync(HttpClient client, string url)
    {
        var lines = (await client.GetStringAsync(url)).Split('\n');
        var row = lines.Single(l => l.StartsWith("Complaints,", StringComparison.Ordinal)).Split(',');
        return long.Parse(row[1], CultureInfo.InvariantCulture);
    }

    private async Task ImportAsync(ImportKind kind, string csv)
    {
        using var scope = portal.Services.CreateScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
        var record = await imports.ReceiveAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), $"{kind}.csv", kind, ImportMode.AllOrNothing,
            dryRun: false, ImportSource.Upload, PortalFactory.AdminEmail, 1 << 20);
        var report = await imports.RunAsync(record.Id);
        Assert.True(report.Applied, string.Join("; ", report.Problems.Select(p => $"{p.Line}:{p.Column}:{p.Reason}")));
    }
}

public sealed class DashboardCacheOnSqliteTests(UntrainedDemoDataPortalFactory portal) : DashboardCacheTests(portal), IClassFixture<UntrainedDemoDataPortalFactory>;

public sealed class DashboardCacheOnPostgreSqlTests(PostgreSqlUntrainedDemoDataPortalFactory portal) : DashboardCacheTests(portal), IClassFixture<PostgreSqlUntrainedDemoDataPortalFactory>;
