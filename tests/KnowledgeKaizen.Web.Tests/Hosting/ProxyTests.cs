using KnowledgeKaizen.Core.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// The portal behind a real nginx terminating TLS (started by the test): it believes the proxy about the scheme, so its
/// cookies are Secure and its links https, and a forged Host header is refused before it can reach a link.
/// </summary>
public sealed partial class ProxyTests(ProxyTests.BehindNginx portal) : IClassFixture<ProxyTests.BehindNginx>
{
    public sealed class BehindNginx : PortalFactory, IAsyncLifetime
    {
        public NginxProxy Proxy { get; private set; } = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:Proxy:KnownProxies:0"] = "127.0.0.1",
            ["AllowedHosts"] = "localhost",
        };

        public async Task InitializeAsync() => Proxy = await NginxProxy.StartAsync(StartOnRealPort());

        Task IAsyncLifetime.DisposeAsync()
        {
            Proxy?.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task ThroughTheTlsProxy_CookiesAreSecure_RedirectsRelative_AndInviteLinksHttps()
    {
        using var browser = portal.Proxy.CreateClient();
        var login = await browser.GetAsync("/Account/Login");
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kk.csrf", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var signedIn = await PostFormAsync(browser, "/Account/Login", await login.Content.ReadAsStringAsync(), new()
        {
            ["Input.Email"] = PortalFactory.AdminEmail,
            ["Input.Password"] = PortalFactory.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kk.auth", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var form = await browser.GetStringAsync("/Admin/Users/Create");
        var created = await PostFormAsync(browser, "/Admin/Users/Create", form, new()
        {
            ["Input.DisplayName"] = "Proxied Pat",
            ["Input.Email"] = "pat@proxy.test",
            ["Input.Roles"] = "Staff",
        });
        var link = WebUtility.HtmlDecode(InviteLink().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.StartsWith($"https://localhost:{portal.Proxy.Port}/Account/AcceptInvite?", link, StringComparison.Ordinal);

        var anonymous = await portal.Proxy.CreateClient().GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedHostHeader_IsRefused()
    {
        using var client = portal.Proxy.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("id=\"invite-link\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex InviteLink();
}

/// <summary>
/// Without a trusted proxy in between, forwarded headers are ignored; with a public address configured, links use it
/// whatever Host header a request carries.
/// </summary>
public sealed partial class ForwardedHeaderTests(ForwardedHeaderTests.PublicAddressPortal factory) : IClassFixture<ForwardedHeaderTests.PublicAddressPortal>
{
    public sealed class PublicAddressPortal : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:Proxy:KnownProxies:0"] = "10.1.1.1",
            ["KnowledgeKaizen:PublicBaseUrl"] = "http://kaizen.example.com",
        };

        /// <summary>The in-memory server has no client address (which counts as trusted); a real connection always has one.</summary>
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, DirectClient>());
        }

        private sealed class DirectClient : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, following) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.7");
                    return following(context);
                });
                next(app);
            };
        }
    }

    [Fact]
    public async Task ForwardedProto_FromAnUntrustedAddress_DoesNotMakeCookiesSecure()
    {
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        var login = await client.GetAsync("/Account/Login");

        Assert.DoesNotContain(login.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task InviteLinks_UseThePublicAddress_WhateverTheHostHeader()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var token = await PortalFactory.AntiforgeryTokenAsync(admin, "/Admin/Users/Create");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Admin/Users/Create")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.DisplayName"] = "Hosted Hana",
                ["Input.Email"] = "hana@host.test",
                ["Input.Roles"] = "Staff",
            }),
        };
        request.Headers.Host = "evil.example";

        var page = await (await admin.SendAsync(request)).Content.ReadAsStringAsync();

        var link = WebUtility.HtmlDecode(InviteLink().Match(page).Groups[1].Value);
        Assert.StartsWith("http://kaizen.example.com/Account/AcceptInvite?", link, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://kaizen.example.com", "Always")]
    [InlineData("http://intranet.example", "SameAsRequest")]
    [InlineData(null, "SameAsRequest")]
    public void Cookies_AreAlwaysSecure_WhenThePublicAddressIsHttps(string? publicBaseUrl, string policy) =>
        Assert.Equal(policy, HostingModule.CookieSecurity(new KaizenOptions { PublicBaseUrl = publicBaseUrl }).ToString());

    [GeneratedRegex("id=\"invite-link\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex InviteLink();
}
