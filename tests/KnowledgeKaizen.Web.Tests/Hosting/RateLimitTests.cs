using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// Writes to sign-in, invite acceptance, the preview and the import and frontline APIs are limited per caller and per
/// address; over a limit the answer is 429 with Retry-After. Reads are never limited.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.TightLimits factory) : IClassFixture<RateLimitTests.TightLimits>
{
    /// <summary>Limits small enough to reach in a test, with windows longer than any test run.</summary>
    public sealed class TightLimits : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:RateLimits:SignIn:PerAddress"] = "40",
            ["KnowledgeKaizen:RateLimits:SignIn:WindowSeconds"] = "3600",
            ["KnowledgeKaizen:RateLimits:InviteAcceptance:PerAddress"] = "2",
            ["KnowledgeKaizen:RateLimits:InviteAcceptance:WindowSeconds"] = "3600",
            ["KnowledgeKaizen:RateLimits:Preview:PerUser"] = "3",
            ["KnowledgeKaizen:RateLimits:Preview:PerAddress"] = "1000",
            ["KnowledgeKaizen:RateLimits:Preview:WindowSeconds"] = "3600",
            ["KnowledgeKaizen:RateLimits:Frontline:PerUser"] = "2",
            ["KnowledgeKaizen:RateLimits:Frontline:PerAddress"] = "1000",
            ["KnowledgeKaizen:RateLimits:Frontline:WindowSeconds"] = "3600",
            ["KnowledgeKaizen:RateLimits:Import:PerUser"] = "1000",
            ["KnowledgeKaizen:RateLimits:Import:PerAddress"] = "3",
            ["KnowledgeKaizen:RateLimits:Import:WindowSeconds"] = "3600",
        };
    }

    [Fact]
    public async Task Preview_OverTheCallersLimit_Is429WithRetryAfter_WhileAnotherUserGoesOn()
    {
        var first = await SignInAsync("fast@limits.test", Roles.Contributor);
        var second = await SignInAsync("calm@limits.test", Roles.Contributor);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await first.PostAsJsonAsync("/api/v1/markdown/preview", new { markdown = $"draft {i}" }));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        var refused = answers[^1];
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync("/api/v1/markdown/preview", new { markdown = "mine" })).StatusCode);
    }

    [Fact]
    public async Task FrontlineApi_CountsPerToken()
    {
        var busy = TokenClient(factory, await CreateTokenAsync(factory, "busy-integration"));
        var other = TokenClient(factory, await CreateTokenAsync(factory, "other-integration"));
        var feedback = new { channel = "web", type = "praise", text = "Quick answer." };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await busy.PostAsJsonAsync("/api/v1/feedback", feedback)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/v1/feedback", feedback)).StatusCode);
    }

    [Fact]
    public async Task ImportApi_CountsPerAddress_WhateverTheToken()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var client = TokenClient(factory, await CreateTokenAsync(factory, $"importer-{i}"));
            statuses.Add((await PostCsvAsync(client, "stages", Stages, "?dryRun=true")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task InviteAcceptance_OverTheAddressLimit_IsTheFriendly429Page()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await PortalFactory.PostFormAsync(factory.CreateBrowserlessClient(), "/Account/AcceptInvite?userId=nobody&token=guess", new()
            {
                ["Input.Password"] = "Guessed-Passw0rd",
                ["Input.ConfirmPassword"] = "Guessed-Passw0rd",
            });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("data-testid=\"status-429\"", await last!.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowserlessClient().GetAsync("/Account/AcceptInvite?userId=nobody&token=guess")).StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string email, string role)
    {
        await factory.EnsureUserAsync(email, role);
        return await factory.SignInAsync(email, PortalFactory.UserPassword);
    }
}
