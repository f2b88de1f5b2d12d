using System.Net;
using System.Text.RegularExpressions;
using KnowledgeKaizen.Core.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real SQLite file in its own temporary data folder (one per test class via
/// <c>IClassFixture</c>). Demo data is off unless a subclass turns it on, so tests start from a known state.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Passw0rd!";
    public const string UserPassword = "User-Passw0rd!";

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "kk-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Extra settings a subclass wants (e.g. LoadDemoData=true).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("KnowledgeKaizen:DataPath", DataPath);
        builder.UseSetting("KnowledgeKaizen:AdminEmail", AdminEmail);
        builder.UseSetting("KnowledgeKaizen:LoadDemoData", "false");
        builder.UseSetting(IdentityBootstrapper.PasswordVariable, AdminPassword);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Creates (or reuses) a user with the given roles and a known password.</summary>
    public async Task<string> EnsureUserAsync(string email, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], EmailConfirmed = true };
            var created = await users.CreateAsync(user, UserPassword);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRolesAsync(user, roles);
        }

        return user.Id;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form; returns the client carrying the auth cookie.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateBrowserlessClient();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Gets the page, takes its antiforgery token and posts the form fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"No antiforgery token on {page}");
        return match.Groups[1].Value;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finalising handle; the OS temp cleaner takes it.
            }
        }
    }
}
