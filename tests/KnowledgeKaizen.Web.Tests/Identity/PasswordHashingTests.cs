using System.Buffers.Binary;

namespace KnowledgeKaizen.Web.Tests.Identity;

/// <summary>
/// The suite's portals hash passwords with fewer rounds (<see cref="PortalFactory"/>); this portal keeps the app's own
/// settings, so what is stored for real accounts is checked here: Identity's version-3 format at its production cost.
/// </summary>
public sealed class PasswordHashingTests(PasswordHashingTests.ProductionHashingPortal factory) : IClassFixture<PasswordHashingTests.ProductionHashingPortal>
{
    private const byte Version3 = 0x01;
    private const uint HmacSha512 = 2;

    [Fact]
    public async Task StoredPasswords_UsePbkdf2WithHmacSha512_AtTheProductionCost()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/")).StatusCode);

        await factory.EnsureUserAsync("hashed@test.local", Roles.Staff);
        var hashes = await factory.WithDbAsync(db => db.Users.Select(u => u.PasswordHash!).ToListAsync());
        Assert.Equal(2, hashes.Count);
        foreach (var stored in hashes)
        {
            var hash = Convert.FromBase64String(stored);
            Assert.Equal(Version3, hash[0]);
            Assert.Equal(HmacSha512, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4)));
            Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 100_000, "A password was stored with fewer than 100,000 PBKDF2 rounds.");
        }
    }

    public sealed class ProductionHashingPortal : PortalFactory
    {
        protected override int? PasswordHashRounds => null;
    }
}
