using KnowledgeKaizen.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// The data folder fails under the portal: the database refuses writes (disk full), the free space is below the
/// threshold, the index cannot be written. Users get a clear message, /healthz says unhealthy, the index page says why.
/// </summary>
public sealed class StorageFaultTests(StorageFaultTests.FaultyPortal factory) : IClassFixture<StorageFaultTests.FaultyPortal>
{
    [Fact]
    public async Task DiskFull_OnAPageWrite_TellsTheUserNothingWasSaved()
    {
        var staff = await SignInAsync("writer@fault.test", Roles.Staff);
        var token = await PortalFactory.AntiforgeryTokenAsync(staff, "/Feedback/Record");

        using (factory.Faults.DatabaseFull())
        {
            var response = await staff.PostAsync("/Feedback/Record", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Channel"] = "Phone",
                ["Input.Type"] = "Complaint",
                ["Input.Text"] = "The invoice was wrong twice.",
            }));

            var html = await response.BodyAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("data-testid=\"error-503\"", html, StringComparison.Ordinal);
            Assert.Contains("Nothing from this request was saved", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DiskFull_OnAnApiWrite_IsAProblemDetails503()
    {
        var staff = await SignInAsync("api@fault.test", Roles.Staff);

        using (factory.Faults.DatabaseFull())
        {
            var response = await staff.PostAsJsonAsync("/api/v1/feedback", new { channel = "web", type = "praise", text = "Quick answer." });

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("data folder is full or read-only", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Healthz_IsUnhealthy_WhenTheDataFolderHasTooLittleSpace()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/healthz");

        Assert.Equal("Unhealthy", await response.BodyAsync(HttpStatusCode.ServiceUnavailable));
    }

    [Fact]
    public async Task IndexerFailure_IsShownOnTheIndexPage_UntilItRecovers()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        using (factory.Faults.IndexUnwritable())
        {
            await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Playbook, "Written while the disk was full", "Body.");

            var page = await Eventually.ThatAsync("the index page to show the indexer failing",
                () => admin.GetStringAsync("/Admin/SearchIndex"), html => html.Contains("data-testid=\"indexer-failure\"", StringComparison.Ordinal),
                describe: html => html.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("No space left on device", page, StringComparison.Ordinal);
        }

        await Eventually.ThatAsync("the failure notice to go once the indexer recovers",
            () => admin.GetStringAsync("/Admin/SearchIndex"), html => !html.Contains("data-testid=\"indexer-failure\"", StringComparison.Ordinal),
            describe: _ => "still failing");
    }

    private async Task<HttpClient> SignInAsync(string email, string role)
    {
        await factory.EnsureUserAsync(email, role);
        return await factory.SignInAsync(email, PortalFactory.UserPassword);
    }

    /// <summary>Switches that make the database or the index refuse writes while a test holds them.</summary>
    public sealed class Faults
    {
        private int databaseFull;
        private int indexUnwritable;

        public bool IsDatabaseFull => Volatile.Read(ref databaseFull) > 0;

        public bool IsIndexUnwritable => Volatile.Read(ref indexUnwritable) > 0;

        public IDisposable DatabaseFull() => new Switch(() => Interlocked.Increment(ref databaseFull), () => Interlocked.Decrement(ref databaseFull));

        public IDisposable IndexUnwritable() => new Switch(() => Interlocked.Increment(ref indexUnwritable), () => Interlocked.Decrement(ref indexUnwritable));

        private sealed class Switch : IDisposable
        {
            private readonly Action off;

            public Switch(Action on, Action off)
            {
                on();
                this.off = off;
            }

            public void Dispose() => off();
        }
    }

    /// <summary>The portal with its writes routed through <see cref="Faults"/>, and a free-space threshold no disk meets.</summary>
    public sealed class FaultyPortal : PortalFactory
    {
        public Faults Faults { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:MinFreeDiskMegabytes"] = "900000000",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureDbContext<KnowledgeKaizenDbContext>(o => o.AddInterceptors(new FullDisk(Faults)));
                var engine = services.Single(d => d.ServiceType == typeof(ISearchIndex));
                services.Remove(engine);
                services.AddSingleton<ISearchIndex>(sp => new UnwritableIndex((ISearchIndex)engine.ImplementationFactory!(sp), Faults));
            });
        }
    }

    /// <summary>What SQLite answers when the disk is full (SQLITE_FULL), for every save while the switch is on.</summary>
    private sealed class FullDisk(Faults faults) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            faults.IsDatabaseFull ? throw new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("SQLite Error 13: 'database or disk is full'.", 13))
                : base.SavingChangesAsync(eventData, result, cancellationToken);

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            faults.IsDatabaseFull ? throw new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("SQLite Error 13: 'database or disk is full'.", 13))
                : base.SavingChanges(eventData, result);
    }

    /// <summary>The real engine, whose writes fail as on a full disk while the switch is on.</summary>
    private sealed class UnwritableIndex(ISearchIndex engine, Faults faults) : DelegatingSearchIndex(engine)
    {
        public override void Upsert(IEnumerable<SearchDocument> documents)
        {
            Refuse();
            base.Upsert(documents);
        }

        public override void Delete(string type, string key)
        {
            Refuse();
            base.Delete(type, key);
        }

        public override Task ApplyAsync(IReadOnlyCollection<SearchDocument> upserts, IReadOnlyCollection<(string Type, string Key)> deletions,
            CancellationToken cancellationToken = default)
        {
            Refuse();
            return base.ApplyAsync(upserts, deletions, cancellationToken);
        }

        public override Task<bool> CommitAsync(CancellationToken cancellationToken = default)
        {
            Refuse();
            return base.CommitAsync(cancellationToken);
        }

        private void Refuse()
        {
            if (faults.IsIndexUnwritable)
            {
                throw new IOException("No space left on device : '/data/index/_0.cfs'", 28);
            }
        }
    }
}
