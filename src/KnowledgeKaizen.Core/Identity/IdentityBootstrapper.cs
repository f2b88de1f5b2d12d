using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace KnowledgeKaizen.Core.Identity;

/// <summary>
/// Creates the roles and, on first run, the Admin account. The password comes from KK_ADMIN_PASSWORD or is
/// generated and printed once: it is never stored anywhere but as Identity's hash.
/// </summary>
public sealed class IdentityBootstrapper(
    RoleManager<IdentityRole> roles,
    UserManager<AppUser> users,
    IOptions<KaizenOptions> options,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<IdentityBootstrapper> logger) : IStartupTask
{
    public const string PasswordVariable = "KK_ADMIN_PASSWORD";

    public int Order => StartupOrder.Accounts;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var email = options.Value.AdminEmail;
        var configured = configuration[PasswordVariable];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                $"{PasswordVariable}: cannot create the first Admin: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRolesAsync(admin, Roles.All);
        logger.LogInformation("Created the first Admin account {Email}", email);
        var shown = string.IsNullOrEmpty(configured) ? password : $"(the value of {PasswordVariable})";
        Console.WriteLine();
        Console.WriteLine("==================================================================");
        Console.WriteLine(" KnowledgeKaizen: first Admin account created");
        Console.WriteLine($"   email:    {email}");
        Console.WriteLine($"   password: {shown}");
        Console.WriteLine(" This password is shown only once. Change it under 'Account'.");
        Console.WriteLine("==================================================================");
        Console.WriteLine();
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 14);
        // Guarantee the default complexity rules (digit, upper, lower) whatever the draw.
        return new string(chars) + "a7K";
    }
}
