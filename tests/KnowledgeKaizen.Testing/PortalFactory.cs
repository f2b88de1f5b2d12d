using System.Text.RegularExpressions;
using KnowledgeKaizen.Core.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// The real app in its own temporary data folder (one per test class via <c>IClassFixture</c>), on a real SQLite file
/// or, when a subclass says <see cref="Provider"/> is PostgreSQL, on a database of its own on the test server
/// (<see cref="TestPostgres"/>). Demo data is off unless a subclass turns it on, so tests start from a known state.
/// Served in memory for HTTP tests, or on a real port for a browser (<see cref="StartOnRealPort"/>).
/// </summary>
public partial class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Passw0rd!";
    public const string UserPassword = "User-Passw0rd!";

    private readonly TempFolder? data;
    private readonly bool sharesDatabase;
    private TestPostgresDatabase? postgres;

    /// <summary>A portal on a new, empty data folder of its own (removed when disposed).</summary>
    public PortalFactory()
    {
        data = new TempFolder("portal");
        DataPath = data.Path;
    }

    /// <summary>
    /// Another instance of a portal: a new data folder of its own, the PostgreSQL <paramref name="database"/> of the portal
    /// it joins (which keeps owning it).
    /// </summary>
    protected PortalFactory(TestPostgresDatabase database)
        : this()
    {
        postgres = database;
        sharesDatabase = true;
    }

    /// <summary>A portal on an existing data folder that the caller owns (see <see cref="ExistingFolderPortalFactory"/>).</summary>
    protected PortalFactory(string dataPath)
    {
        DataPath = dataPath;
    }

    public string DataPath { get; }

    /// <summary>The database engine this portal runs on.</summary>
    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>
    /// The portal's PostgreSQL database (created on first use when <see cref="Provider"/> is PostgreSQL, and dropped with the
    /// portal); a subclass may return one it shares with other portals (several instances of one installation).
    /// </summary>
    public virtual TestPostgresDatabase Postgres => postgres ??= TestPostgres.CreateDatabaseAsync("portal").GetAwaiter().GetResult();

    /// <summary>Extra settings a subclass wants (e.g. LoadDemoData=true), applied after the defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The app's clock (<see cref="TimeProvider"/>) when a subclass fixes it; the system clock otherwise.</summary>
    protected virtual TimeProvider? Clock => null;

    /// <summary>
    /// PBKDF2 rounds of the portal's password hashes; null keeps Identity's production cost (100,000 rounds). The
    /// suite creates accounts and signs in thousands of times, and at the production cost hashing was a large share of
    /// its CPU (docs/benchmarks.md, test suite); only <c>PasswordHashingTests</c> looks at the rounds, and keeps them.
    /// </summary>
    protected virtual int? PasswordHashRounds => 1_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("KnowledgeKaizen:DataPath", DataPath);
        builder.UseSetting("KnowledgeKaizen:AdminEmail", AdminEmail);
        builder.UseSetting("KnowledgeKaizen:LoadDemoData", "false");

        // No scheduled backup: a test must not meet one because it ran at the wrong hour.
        builder.UseSetting("KnowledgeKaizen:Backups:DailyAt", string.Empty);
        builder.UseSetting(IdentityBootstrapper.PasswordVariable, AdminPassword);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            builder.UseSetting(DatabaseSettings.ProviderKey, nameof(DatabaseProvider.PostgreSql));
            builder.UseSetting(DatabaseSettings.ConnectionStringKey, Postgres.ConnectionString);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(typeof(TimeProvider), clock)));
        }

        if (PasswordHashRounds is { } rounds)
        {
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = rounds));
        }
    }

    /// <summary>Serves the portal on a free port of 127.0.0.1 (for a real browser); returns its base URL.</summary>
    public string StartOnRealPort()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>Creates (or reuses) a user with the given roles and <see cref="UserPassword"/>; returns the user id.</summary>
    public async Task<string> EnsureUserAsync(string email, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], EmailConfirmed = true };
            var created = await users.CreateAsync(user, UserPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create {email}: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRolesAsync(user, roles);
        }

        return user.Id;
    }

    /// <summary>Runs <paramref name="work"/> on a database context of its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<KnowledgeKaizenDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>());
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Signs in through the real login form; returns the client carrying the auth cookie and, like a page's script, the
    /// antiforgery token in the <c>RequestVerificationToken</c> header (which cookie callers of the API need).
    /// </summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateBrowserlessClient();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode} instead of a redirect.");
        }

        // From a page every account reaches whatever its roles (the start page sends an account without one to Access
        // denied); the token is bound to the signed-in account all the same.
        client.DefaultRequestHeaders.Add(RequestTokenHeader, await AntiforgeryTokenAsync(client, "/Account/Login"));
        return client;
    }

    /// <summary>The header the pages' scripts send the antiforgery token in.</summary>
    public const string RequestTokenHeader = "RequestVerificationToken";

    /// <summary>Gets the page, takes its antiforgery token and posts the form fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>A new API token of the signed-in user of <paramref name="client"/>, made on the tokens page; returns its secret.</summary>
    public static async Task<string> CreateApiTokenAsync(HttpClient client, string name)
    {
        var response = await PostFormAsync(client, "/Imports/Tokens?handler=Create", new() { ["Name"] = name }, formPage: "/Imports/Tokens");
        var match = TokenSecret().Match(await response.Content.ReadAsStringAsync());
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No token secret on the tokens page ({(int)response.StatusCode}).");
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = AntiforgeryField().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {page}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            data?.Dispose();
            if (!sharesDatabase)
            {
                postgres?.Dispose();
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("id=\"token-secret\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenSecret();
}
