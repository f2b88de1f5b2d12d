using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using KnowledgeKaizen.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Browser.Tests.Infrastructure;

/// <summary>The real app on a real Kestrel port with its own data folder, for a real browser.</summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@browser.test";
    public const string AdminPassword = "Admin-Passw0rd!";
    public const string UserPassword = "User-Passw0rd!";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "kk-browser", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> settings;

    /// <param name="settings">Extra configuration (e.g. LoadDemoData=true), applied after the defaults.</param>
    public PortalServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        this.settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("KnowledgeKaizen:DataPath", dataPath);
        builder.UseSetting("KnowledgeKaizen:AdminEmail", AdminEmail);
        builder.UseSetting("KnowledgeKaizen:LoadDemoData", "false");
        builder.UseSetting(IdentityBootstrapper.PasswordVariable, AdminPassword);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task EnsureUserAsync(string email, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new AppUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], EmailConfirmed = true };
        var created = await users.CreateAsync(user, UserPassword);
        Assert.True(created.Succeeded);
        await users.AddToRolesAsync(user, roles);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS temp cleaner.
            }
        }
    }
}
