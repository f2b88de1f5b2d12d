using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// Makes sure the key ring has a key in force before the portal serves. Left to the key manager, the first key is made
/// by the first request that needs one, and two instances starting together would each make their own and sign with a
/// key the other has not read yet; here it is made under the start-up lock, so the second instance finds the first's.
/// Later keys are made ahead of their activation by the key manager itself, which gives every instance time to read them.
/// </summary>
internal sealed class KeyRingStartup(IKeyManager keys, IOptions<KeyManagementOptions> options, TimeProvider clock,
    ILogger<KeyRingStartup> logger) : IStartupTask
{
    public int Order => StartupOrder.KeyRing;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
        {
            keys.CreateNewKey(now, now + options.Value.NewKeyLifetime);
            logger.LogInformation("Created the data-protection key that signs sign-in cookies and invite links");
        }

        return Task.CompletedTask;
    }
}
