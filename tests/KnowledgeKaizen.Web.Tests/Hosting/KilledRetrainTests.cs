namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// A retraining outlives the instance running it: the instance holding it (crash-test setting
/// <c>Insights:RetrainHoldMarker</c>, given to that one start only) is killed with SIGKILL after training, before it kept
/// anything; the other instance takes the job over (Quartz recovery), trains again and promotes one model, while
/// idempotent requests through nginx keep being answered.
/// </summary>
[Collection(ScaleOut.Name)]
public sealed class KilledRetrainTests(TwoInstances cluster)
{
    /// <summary>The first opportunities of the seed data and their stage history: enough closed entries to train on.</summary>
    private const int Opportunities = 1500;

    [Fact]
    public async Task TheInstanceRunningARetrainKilled_TheOtherFinishesIt_AndNoIdempotentRequestFails()
    {
        var marker = cluster.File("retrain-held");
        File.Delete(marker);
        // Only A runs, so A takes the retraining, and only this start of A holds it.
        await cluster.KillAsync(1);
        await cluster.KillAsync(0);
        await cluster.StartAsync(0, new Dictionary<string, string?> { ["Insights:RetrainHoldMarker"] = marker });
        using var a = await cluster.A.SignInAsync(TwoInstances.AdminEmail, TwoInstances.AdminPassword);
        await ImportHistoryAsync(a);
        var versionsBefore = await PromotedVersionsAsync();

        var queued = await PortalFactory.PostFormAsync(a, "/Insights/Model?handler=Retrain", [], formPage: "/Insights/Model");
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        await Eventually.TrueAsync($"the retraining to train and write {marker}", () =>
            File.Exists(marker) ? true : cluster.A.HasExited ? throw new InvalidOperationException("A ended first:\n" + cluster.A.Output) : false,
            TimeSpan.FromMinutes(3));
        var job = await cluster.ScalarAsync<Guid>("""SELECT "Id" FROM "BackgroundJobs" WHERE "Kind" = 'performer-retrain' ORDER BY "QueuedAt" DESC LIMIT 1""");

        await cluster.StartAsync(1);
        using var b = await cluster.B.SignInAsync(TwoInstances.AdminEmail, TwoInstances.AdminPassword);
        var progress = await ProgressAsync(b, job);
        Assert.Equal(("Running", false), (progress.GetProperty("status").GetString(), progress.GetProperty("finished").GetBoolean()));

        using var user = await cluster.SignedInThroughProxyAsync();
        var traffic = new ProxyTraffic(user, "/");
        await traffic.SentAtLeastAsync(20, "traffic to flow");
        await cluster.KillAsync(0);
        var killedAt = traffic.Sent;
        try
        {
            progress = await Eventually.ThatAsync("B to take the retraining over and finish it", () => ProgressAsync(b, job),
                p => p.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(3), p => p + "\n" + cluster.B.Output);
            await traffic.SentAtLeastAsync(killedAt + 100, "100 requests after the kill");
        }
        finally
        {
            await traffic.StopAsync();
            await cluster.StartAsync(0);
        }

        Assert.Equal("Succeeded", progress.GetProperty("status").GetString());
        using var result = JsonDocument.Parse(await cluster.ScalarAsync<string>($"""SELECT "Result" FROM "BackgroundJobs" WHERE "Id" = '{job}'"""));
        Assert.Equal("promoted", result.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(versionsBefore + 1, await PromotedVersionsAsync());
        Assert.True(traffic.Sent - killedAt >= 100, $"{traffic.Sent - killedAt} requests after the kill");
        Assert.Empty(traffic.Failures);
    }

    /// <summary>Stages, reps, customers, the first opportunities and their stage history from the seed data, through the import API.</summary>
    private async Task ImportHistoryAsync(HttpClient admin)
    {
        using var api = cluster.A.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await PortalFactory.CreateApiTokenAsync(admin, "retrain history"));
        var opportunities = SeedLines("opportunities.csv").Take(Opportunities + 1).ToList();
        var kept = opportunities.Skip(1).Select(line => line[..line.IndexOf(',')]).ToHashSet();
        var files = new (string Kind, IEnumerable<string> Lines)[]
        {
            ("stages", SeedLines("stages.csv")),
            ("reps", SeedLines("reps.csv")),
            ("customers", SeedLines("customers.csv")),
            ("opportunities", opportunities),
            ("stage-history", SeedLines("stage-history.csv").Where((line, i) => i == 0 || kept.Contains(line.Split(',')[1]))),
        };
        foreach (var (kind, lines) in files)
        {
            var response = await api.PostAsync($"/api/v1/imports/{kind}", new StringContent(string.Join('\n', lines), Encoding.UTF8, "text/csv"));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.Fail($"{kind}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 600)]}");
            }
        }
    }

    private static IEnumerable<string> SeedLines(string file) => File.ReadLines(Path.Combine(RepoPaths.SeedData, file));

    /// <summary>Model versions kept in the shared file store (one <c>report.json</c> per promoted version).</summary>
    private Task<long> PromotedVersionsAsync() =>
        cluster.ScalarAsync<long>("""SELECT count(DISTINCT "Path") FROM "StoredFiles" WHERE "Path" LIKE 'models/expected-outcome/v%/report.json' AND "CompletedAt" IS NOT NULL""");

    private static async Task<JsonElement> ProgressAsync(HttpClient client, Guid job)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync($"/Insights/Model?handler=Progress&id={job}"));
        return document.RootElement.Clone();
    }
}
