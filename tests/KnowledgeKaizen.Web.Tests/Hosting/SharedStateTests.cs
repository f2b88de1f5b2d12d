using System.Web;
using KnowledgeKaizen.Core.Files;
using KnowledgeKaizen.Insights.ExpectedOutcome;
using KnowledgeKaizen.Testing.Simulation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Xunit.Abstractions;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// Two instances of the portal on one PostgreSQL database, as behind a load balancer: what one issues or stores, the
/// other accepts or reads. They start at the same moment on a key ring with no key yet. The class runs alone, after
/// the parallel ones, because one test measures the heap.
/// </summary>
[Collection(nameof(SharedStateCollection))]
public sealed class SharedStateTests(TwoPortals portals, ITestOutputHelper output) : IClassFixture<TwoPortals>
{
    [Fact]
    public async Task InstancesStartedAtOnce_MakeOneKey_AndEachReadsWhatTheOtherProtected()
    {
        Assert.Equal(1, await portals.A.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
        var a = portals.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("shared-state-test");
        var b = portals.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("shared-state-test");

        Assert.Equal("from A", b.Unprotect(a.Protect("from A")));
        Assert.Equal("from B", a.Unprotect(b.Protect("from B")));
    }

    [Fact]
    public async Task ASignInOnA_IsAcceptedOnB()
    {
        var (a, b) = portals.Clients();
        await PortalFactory.PostFormAsync(a, "/Account/Login", new() { ["Input.Email"] = PortalFactory.AdminEmail, ["Input.Password"] = PortalFactory.AdminPassword });

        var onB = await b.GetAsync("/Admin/Users");

        Assert.Contains(PortalFactory.AdminEmail, await onB.BodyAsync(HttpStatusCode.OK), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInviteLinkMadeOnA_SetsThePasswordOnB_WithTheFormTokenOfA()
    {
        var admin = await portals.A.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var created = await PortalFactory.PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.DisplayName"] = "Shared Sam",
            ["Input.Email"] = "sam@shared.test",
            ["Input.Roles"] = Roles.Staff,
        });
        var link = Regex.Match(await created.Content.ReadAsStringAsync(), "id=\"invite-link\"[^>]*value=\"([^\"]+)\"");
        Assert.True(link.Success, "The invite link was not shown.");
        var invite = new Uri(WebUtility.HtmlDecode(link.Groups[1].Value));
        var query = HttpUtility.ParseQueryString(invite.Query);

        // The antiforgery pair comes from A (its cookie in the shared jar), the post goes to B.
        var (a, b) = portals.Clients();
        var token = await PortalFactory.AntiforgeryTokenAsync(a, invite.PathAndQuery);
        var accepted = await b.PostAsync(invite.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Password"] = "Shared-Passw0rd",
            ["Input.ConfirmPassword"] = "Shared-Passw0rd",
            ["UserId"] = query["userId"]!,
            ["Token"] = query["token"]!,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", accepted.Headers.Location!.OriginalString);
        await portals.A.SignInAsync("sam@shared.test", "Shared-Passw0rd");
    }

    [Fact]
    public async Task ALargeFileWrittenThroughA_StreamsBackThroughB_WithoutBeingHeldInMemory()
    {
        var throughA = portals.A.Services.GetRequiredService<IFileStore>();
        var throughB = portals.B.Services.GetRequiredService<IFileStore>();
        Assert.IsType<DatabaseFileStore>(throughA);
        Assert.IsType<DatabaseFileStore>(throughB);
        // Held in memory, 48 MB would grow the heap by 48 MB; streamed, it grew by 1.9-4.2 MB (the limit is a sixth, 8 MB).
        // The class runs alone at the end of the suite, so the file's size is its time.
        var content = new GeneratedContent(48L * 1024 * 1024);

        await throughA.WriteAsync("imports/shared-large.csv", content.Open());
        await using (var read = await throughB.OpenReadAsync("imports/shared-large.csv"))
        {
            Assert.NotNull(read);
            Assert.True(await content.MatchesAsync(read), "B did not read back what A wrote.");
        }

        output.WriteLine($"Peak live heap growth while streaming {content.Length / 1048576} MB through A and back through B: {content.PeakHeapGrowth / 1048576.0:0.0} MB");
        Assert.Equal(content.Length, await throughB.LengthAsync("imports/shared-large.csv"));
        Assert.True(content.PeakHeapGrowth < content.Length / 6,
            $"The heap grew by {content.PeakHeapGrowth / 1048576.0:0.0} MB for a {content.Length / 1048576} MB file: it was held, not streamed.");
        await throughB.DeleteAsync("imports/shared-large.csv");
        Assert.Null(await throughA.OpenReadAsync("imports/shared-large.csv"));
    }

    [Fact]
    public async Task AModelPromotedOnA_ServesOnB_OnceTheCheckIntervalHasPassed()
    {
        var history = StageHistorySimulator.Generate(new SimulationSettings(2_000, 20, 7));
        var model = new ExpectedOutcomeTrainer(new ExpectedOutcomeOptions { Trainers = [ExpectedOutcomeTrainerKind.LightGbm], FoldCount = 2, NumberOfTrees = 20 })
            .Train(history.Rows).Value!.Model;
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var interval = portals.B.Services.GetRequiredService<ExpectedOutcomeOptions>().ServingCheckInterval;
        var onB = new ModelStore(portals.B.Services.GetRequiredService<IFileStore>(), ModelStore.DefaultFolder, clock, interval);
        var before = (await onB.LoadCurrentAsync())?.Report.Version;

        var promotion = await portals.A.Services.GetRequiredService<ModelStore>().SaveAndPromoteAsync(model, aucMargin: 1);

        // Within the interval B keeps the model in hand; from its end on it serves the promoted one.
        Assert.True(promotion.Promoted, promotion.Reason);
        clock.Now += interval - TimeSpan.FromMilliseconds(1);
        Assert.Equal(before, (await onB.LoadCurrentAsync())?.Report.Version);
        clock.Now += TimeSpan.FromMilliseconds(1);
        Assert.Equal(promotion.Version, (await onB.LoadCurrentAsync())?.Report.Version);

        // B itself (its own store, clock and background check) comes to serve it too.
        var served = portals.B.Services.GetRequiredService<ModelStore>();
        await Eventually.TrueAsync($"B to serve model v{promotion.Version}", async () => (await served.LoadCurrentAsync())?.Report.Version == promotion.Version);
    }
}

/// <summary>Two portal instances on one PostgreSQL database, started at the same moment.</summary>
public sealed class TwoPortals : IAsyncLifetime
{
    public TwoPortals()
    {
        A = new Instance();
        B = new Instance(A);
    }

    public Instance A { get; }

    public Instance B { get; }

    /// <summary>A client of each instance sharing one cookie jar, as a browser behind the load balancer has; no redirect followed.</summary>
    public (HttpClient A, HttpClient B) Clients()
    {
        var jar = new CookieContainer();
        return (A.CreateDefaultClient(new CookieContainerHandler(jar)), B.CreateDefaultClient(new CookieContainerHandler(jar)));
    }

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Task.Run(() => A.Server), Task.Run(() => B.Server));
    }

    public Task DisposeAsync()
    {
        B.Dispose();
        A.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>One instance; the model check runs every second so a test sees it act.</summary>
    public sealed class Instance : PostgreSqlPortalFactory
    {
        public Instance()
        {
        }

        public Instance(Instance first)
            : base(first)
        {
        }

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Insights:ExpectedOutcome:ServingCheckInterval"] = "00:00:01",
        };
    }
}

/// <summary>Runs alone, after the parallel collections: a test there measures the process heap.</summary>
[CollectionDefinition(nameof(SharedStateCollection), DisableParallelization = true)]
public sealed class SharedStateCollection;
