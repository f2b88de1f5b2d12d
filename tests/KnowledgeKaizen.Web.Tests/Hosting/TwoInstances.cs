using KnowledgeKaizen.Web.Tests.Jobs;
using Npgsql;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// The scale-out installation, all real: a PostgreSQL server of its own (so a test may restart it), two portal processes
/// started at once on its empty database, each with its own data folder and search index, and nginx in front running
/// the shipped configuration (deploy/nginx).
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const string AdminEmail = "admin@scale.test";
    public const string AdminPassword = "Scale-Out-Admin-2026";

    private readonly TempFolder folder = new("scale-out");
    private readonly PortalProcess?[] instances = new PortalProcess?[2];
    private readonly int[] ports = [FreePorts.Next(), FreePorts.Next()];
    private string connectionString = null!;

    public PrivatePostgres Postgres { get; private set; } = null!;

    public NginxProxy Proxy { get; private set; } = null!;

    public PortalProcess A => instances[0] ?? throw new InvalidOperationException("Instance A is not running.");

    public PortalProcess B => instances[1] ?? throw new InvalidOperationException("Instance B is not running.");

    /// <summary>The upstream address nginx names for instance <paramref name="index"/> (0 is A).</summary>
    public string Upstream(int index) => $"127.0.0.1:{ports[index]}";

    public async Task InitializeAsync()
    {
        Postgres = await PrivatePostgres.StartAsync();
        connectionString = await Postgres.CreateDatabaseAsync("kaizen");
        await Task.WhenAll(StartAsync(0), StartAsync(1));
        Proxy = await NginxProxy.StartAsync(A.BaseUrl!, B.BaseUrl!);
    }

    /// <summary>A path in the installation's folder, beside the instances' data folders.</summary>
    public string File(string name) => folder.File(name);

    /// <summary>
    /// Starts instance <paramref name="index"/> (again, after a kill) on its own folder and port, with the cluster's test
    /// intervals and any <paramref name="extra"/> settings of this start only.
    /// </summary>
    public async Task StartAsync(int index, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var name = index == 0 ? "a" : "b";
        var settings = new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.PostgreSql),
            [DatabaseSettings.ConnectionStringKey] = connectionString,
            ["Search:Indexing:InstanceName"] = name,
            ["KnowledgeKaizen:LoadDemoData"] = "false",
            ["KnowledgeKaizen:ContentPath"] = RepoPaths.Content,
            ["KnowledgeKaizen:AdminEmail"] = AdminEmail,
            ["KK_ADMIN_PASSWORD"] = AdminPassword,
            ["KnowledgeKaizen:Proxy:KnownProxies:0"] = "127.0.0.1",
            ["KnowledgeKaizen:Backups:DailyAt"] = string.Empty,
            // Every post of a test comes from one token and one address; the limits would measure themselves.
            ["KnowledgeKaizen:RateLimits:Frontline:PerUser"] = "0",
            ["KnowledgeKaizen:RateLimits:Frontline:PerAddress"] = "0",
        };
        foreach (var (key, value) in ClusterFixture.FastCluster.Concat(extra ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        instances[index] = await PortalProcess.ServeAsync(PortalProcess.WebAssembly, folder.File(name), settings, port: ports[index]);
    }

    /// <summary>SIGKILL of instance <paramref name="index"/>.</summary>
    public async Task KillAsync(int index)
    {
        if (instances[index] is { } instance)
        {
            await instance.DisposeAsync();
            instances[index] = null;
        }
    }

    /// <summary>A client of nginx signed in as the Admin.</summary>
    public async Task<HttpClient> SignedInThroughProxyAsync()
    {
        var client = Proxy.CreateClient();
        var response = await PortalFactory.PostFormAsync(client, "/Account/Login",
            new() { ["Input.Email"] = AdminEmail, ["Input.Password"] = AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>One value read from the shared database.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        Proxy?.Dispose();
        await KillAsync(0);
        await KillAsync(1);
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }

        folder.Dispose();
    }
}
