using System.Diagnostics;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// Several instances behind a load balancer, with real processes (<see cref="TwoInstances"/>): one sign-in serves every
/// instance, a change made on one is found on the other within seconds, concurrent writes through both are stored once,
/// idempotent requests survive the death of an instance, and a database restart needs no restart of the instances (pages
/// and the API answer 503 meanwhile).
/// </summary>
[Collection(ScaleOut.Name)]
public sealed class ScaleOutTests(TwoInstances cluster)
{
    [Fact]
    public async Task OneSignInThroughNginx_ServesRequestsThatAlternateBetweenBothInstances()
    {
        using var client = await cluster.SignedInThroughProxyAsync();

        for (var i = 0; i < 20; i++)
        {
            var page = await client.GetAsync($"/?round={i}");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"Request {i} answered {(int)page.StatusCode} {page.Headers.Location}");
        }

        var answered = await cluster.Proxy.AnsweredByAsync("/?round=");
        Assert.Equal(20, answered.Count);
        Assert.Equal(10, answered.Count(a => a == cluster.Upstream(0)));
        Assert.Equal(10, answered.Count(a => a == cluster.Upstream(1)));
    }

    [Fact]
    public async Task APlaybookSavedThroughOneInstance_IsFoundThroughTheOther_WithinFiveSeconds()
    {
        using var a = await cluster.A.SignInAsync(TwoInstances.AdminEmail, TwoInstances.AdminPassword);
        using var b = await cluster.B.SignInAsync(TwoInstances.AdminEmail, TwoInstances.AdminPassword);
        // Letters only: one token for the analyzers, unlike a mix of letters and digits.
        var word = "farmcheck" + string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(x => (char)('a' + (x % 26))));

        var saved = await PortalFactory.PostFormAsync(a, "/Knowledge/Edit?kind=playbook", new()
        {
            ["Input.Title"] = $"Handover checklist {word}",
            ["Input.Body"] = $"Confirm the delivery window with the customer before the {word} handover.",
            ["Input.Language"] = "en",
            ["Input.Stages"] = "propose",
            ["Input.ReviewIntervalDays"] = "180",
        }, formPage: "/Knowledge/Edit?kind=playbook");
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var hit = new Regex($"data-testid=\"search-hit-link\">[^\n]*{word}");

        await Eventually.TrueAsync("instance B to find the playbook saved on A",
            async () => hit.IsMatch(await b.GetStringAsync($"/Search?q={word}")),
            TimeSpan.FromSeconds(5));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"found after {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task TwoHundredConcurrentFeedbackPosts_SpreadOverBothInstances_AreEachStoredOnce()
    {
        using var admin = await cluster.SignedInThroughProxyAsync();
        var token = await PortalFactory.CreateApiTokenAsync(admin, "scale-out feedback");
        var batch = Guid.NewGuid().ToString("N")[..8];
        using var poster = cluster.Proxy.CreateClient();
        poster.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
            (await poster.PostAsJsonAsync("/api/v1/feedback", new { channel = "web", type = "suggestion", text = $"Post {batch}-{i}: please call before delivery." })).StatusCode)));

        Assert.True(statuses.All(s => s == HttpStatusCode.Created),
            $"{statuses.Count(s => s != HttpStatusCode.Created)} failed: {cluster.A.Output[^Math.Min(4000, cluster.A.Output.Length)..]} {cluster.B.Output[^Math.Min(4000, cluster.B.Output.Length)..]}");
        Assert.Equal(200L, await cluster.ScalarAsync<long>($"""SELECT count(*) FROM "Feedback" WHERE "Text" LIKE 'Post {batch}-%'"""));
        Assert.Equal(200L, await cluster.ScalarAsync<long>($"""SELECT count(DISTINCT "Text") FROM "Feedback" WHERE "Text" LIKE 'Post {batch}-%'"""));
        var answered = await cluster.Proxy.AnsweredByAsync("/api/v1/feedback");
        Assert.Contains(cluster.Upstream(0), answered);
        Assert.Contains(cluster.Upstream(1), answered);
    }

    [Fact]
    public async Task AnInstanceKilled_MidTraffic_FailsNoIdempotentRequestThroughNginx()
    {
        using var client = await cluster.SignedInThroughProxyAsync();
        var traffic = new ProxyTraffic(client, "/");

        await traffic.SentAtLeastAsync(30, "traffic to flow");
        await cluster.KillAsync(1);
        var killedAt = traffic.Sent;
        await traffic.SentAtLeastAsync(killedAt + 100, "100 more requests after the kill");
        await traffic.StopAsync();
        await cluster.StartAsync(1);

        Assert.Empty(traffic.Failures);
    }

    [Fact]
    public async Task TheDatabaseRestarting_MakesBothInstancesUnready_AndTheyRecoverWithoutARestart()
    {
        using var a = cluster.A.CreateClient();
        using var b = cluster.B.CreateClient();
        foreach (var instance in new[] { a, b })
        {
            await Eventually.TrueAsync("both ready at first", async () => (await instance.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK);
        }

        using var signedIn = await cluster.A.SignInAsync(TwoInstances.AdminEmail, TwoInstances.AdminPassword);
        using var api = cluster.A.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await PortalFactory.CreateApiTokenAsync(signedIn, "database down"));
        await cluster.Postgres.StopServerAsync();
        try
        {
            foreach (var instance in new[] { a, b })
            {
                await Eventually.TrueAsync("ready to answer 503 while the database is down",
                    async () => (await instance.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.ServiceUnavailable);
                Assert.Equal(HttpStatusCode.OK, (await instance.GetAsync("/healthz/live")).StatusCode);
            }

            // Meanwhile a page and the API say the database is out of reach and when to try again, never a 500.
            var page = await signedIn.GetAsync("/Knowledge");
            Assert.True(page.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)page.StatusCode}: {cluster.A.Output[^Math.Min(3000, cluster.A.Output.Length)..]}");
            Assert.Equal(TimeSpan.FromSeconds(5), page.Headers.RetryAfter?.Delta);
            Assert.Contains("cannot reach its database", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var problem = await api.GetAsync($"/api/v1/imports/jobs/{Guid.NewGuid()}");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json"), (problem.StatusCode, problem.Content.Headers.ContentType?.MediaType));
            Assert.Contains("cannot reach its database", await problem.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await cluster.Postgres.StartServerAsync();
        }

        foreach (var instance in new[] { a, b })
        {
            await Eventually.TrueAsync("ready again once the database is back",
                async () => (await instance.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        }

        using var user = await cluster.SignedInThroughProxyAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).StatusCode);
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleOut : ICollectionFixture<TwoInstances>
{
    public const string Name = "Two instances behind nginx";
}
