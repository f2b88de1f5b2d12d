namespace KnowledgeKaizen.Web.Tests.Hosting;

public sealed class OperationsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Healthz_IsAnonymous_AndReportsTheDatabase()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/healthz");
        Assert.Equal("Healthy", await response.BodyAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/Account/Login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline' ;", csp.Replace("style-src 'self' 'unsafe-inline'", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task UnknownPage_ForASignedInUser_IsAFriendly404()
    {
        var client = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var response = await client.GetAsync("/no/such/page");
        var html = await response.BodyAsync(HttpStatusCode.NotFound);
        Assert.Contains("data-testid=\"status-404\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at KnowledgeKaizen", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiEndpoint_AnswersProblemDetails()
    {
        var client = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var response = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StaticAssets_AreServedAnonymously_FromTheVendoredLibrary()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/lib/bootstrap/css/bootstrap.min.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
