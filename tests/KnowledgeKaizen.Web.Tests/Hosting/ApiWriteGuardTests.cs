using KnowledgeKaizen.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// Cross-site safety of the API as a class, not per endpoint: every write under <c>/api/v1</c> — today's and any added
/// later — needs the antiforgery token when it comes with the sign-in cookie, the writes a browser could be made to send
/// read exact content types, and the abuse-prone writes carry their rate limit.
/// </summary>
public sealed class ApiWriteGuardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Reads = [HttpMethods.Get, HttpMethods.Head];

    [Fact]
    public void EveryApiWrite_NeedsTheAntiforgeryTokenFromCookieCallers()
    {
        var unguarded = ApiEndpoints()
            .Where(e => e.Methods.Except(Reads).Any() && e.Endpoint.Metadata.GetMetadata<AntiforgeryForCookies>() is null)
            .Select(e => e.Name).ToList();

        Assert.Contains(ApiEndpoints(), e => e.Methods.Contains(HttpMethods.Put));
        Assert.True(unguarded.Count == 0, "API writes without the cookie antiforgery check: " + string.Join(", ", unguarded));
    }

    [Fact]
    public void TheWritesPeopleAndScriptsCanFlood_AreRateLimited()
    {
        var limits = ApiEndpoints().Where(e => e.Methods.Contains(HttpMethods.Post))
            .ToDictionary(e => e.Route, e => e.Endpoint.Metadata.GetMetadata<RateLimited>()?.Limit);

        Assert.Equal(RateLimited.Preview, limits["/api/v1/markdown/preview"]);
        Assert.Equal(RateLimited.Import, limits["/api/v1/imports/{kind}"]);
        Assert.Equal(RateLimited.Frontline, limits["/api/v1/feedback"]);
        Assert.Equal(RateLimited.Frontline, limits["/api/v1/service-cases"]);
    }

    [Fact]
    public async Task ASignedInBrowser_WithoutTheToken_OrWithAFormContentType_ChangesNothing()
    {
        await factory.EnsureUserAsync("guard-admin@api.test", Roles.Admin);
        var withToken = await factory.SignInAsync("guard-admin@api.test", PortalFactory.UserPassword);
        // What another site can make the browser send: the cookie, but not the header the portal's scripts add.
        var cookieOnly = factory.CreateBrowserlessClient();
        await PortalFactory.PostFormAsync(cookieOnly, "/Account/Login", new() { ["Input.Email"] = "guard-admin@api.test", ["Input.Password"] = PortalFactory.UserPassword });
        const string Mapping = """{ "name": "cross-site", "kind": "reps", "fields": { "external_id": { "column": "Id" }, "name": { "column": "Name" } } }""";
        const string Feedback = """{"channel":"web","type":"praise","text":"Forged"}""";

        var answers = new Dictionary<string, HttpStatusCode>
        {
            ["import, no token"] = (await cookieOnly.PostAsync("/api/v1/imports/feedback", Csv("channel,type,text\nweb,praise,Forged\n"))).StatusCode,
            ["feedback, no token"] = (await cookieOnly.PostAsync("/api/v1/feedback", Json(Feedback))).StatusCode,
            ["mapping save, no token"] = (await cookieOnly.PutAsync("/api/v1/imports/mappings/cross-site", Json(Mapping))).StatusCode,
            ["preview, no token"] = (await cookieOnly.PostAsync("/api/v1/markdown/preview", Json("""{"markdown":"x"}"""))).StatusCode,
            ["import as text/plain"] = (await withToken.PostAsync("/api/v1/imports/feedback", Text("channel,type,text\nweb,praise,Forged\n"))).StatusCode,
            ["mapping save as text/plain"] = (await withToken.PutAsync("/api/v1/imports/mappings/cross-site", Text(Mapping))).StatusCode,
        };

        Assert.Equal(new Dictionary<string, HttpStatusCode>
        {
            ["import, no token"] = HttpStatusCode.BadRequest,
            ["feedback, no token"] = HttpStatusCode.BadRequest,
            ["mapping save, no token"] = HttpStatusCode.BadRequest,
            ["preview, no token"] = HttpStatusCode.BadRequest,
            ["import as text/plain"] = HttpStatusCode.UnsupportedMediaType,
            ["mapping save as text/plain"] = HttpStatusCode.UnsupportedMediaType,
        }, answers);
        Assert.Equal(HttpStatusCode.NotFound, (await withToken.GetAsync("/api/v1/imports/mappings/cross-site")).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Feedback.Count(f => f.Text == "Forged"))));
        // The same requests as the portal's scripts send them go through.
        Assert.Equal(HttpStatusCode.OK, (await withToken.PutAsync("/api/v1/imports/mappings/cross-site", Json(Mapping))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await withToken.PostAsync("/api/v1/feedback", Json(Feedback))).StatusCode);
    }

    private IEnumerable<(string Name, string Route, IReadOnlyList<string> Methods, RouteEndpoint Endpoint)> ApiEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .Select(e => (e.DisplayName ?? e.RoutePattern.RawText!, e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [], e));

    private static StringContent Text(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("text/plain"));

    private static StringContent Csv(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("text/csv"));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
