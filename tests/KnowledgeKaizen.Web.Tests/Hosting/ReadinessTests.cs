namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// What a load balancer asks, anonymously: <c>/healthz/live</c> (the process answers) and <c>/healthz/ready</c> (the
/// database answers with every migration applied, the search index has caught up). An instance whose database stops
/// answering is not ready meanwhile, and is ready again by itself once the database is back.
/// </summary>
public sealed class ReadinessTests(PostgreSqlPortalFactory factory) : IClassFixture<PostgreSqlPortalFactory>
{
    [Fact]
    public async Task ReadyGoesAwayWhileTheDatabaseRefusesConnections_AndComesBackByItself()
    {
        var client = factory.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        await Eventually.TrueAsync("the instance to be ready", async () => (await client.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK);

        var name = factory.Postgres.Name;
        try
        {
            await TestPostgres.ExecuteAsync($"""ALTER DATABASE "{name}" ALLOW_CONNECTIONS false""");
            await TestPostgres.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");

            var down = await client.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        }
        finally
        {
            await TestPostgres.ExecuteAsync($"""ALTER DATABASE "{name}" ALLOW_CONNECTIONS true""");
        }

        await Eventually.TrueAsync("the instance to be ready again", async () => (await client.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK);
        var signedIn = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/")).StatusCode);
    }
}
