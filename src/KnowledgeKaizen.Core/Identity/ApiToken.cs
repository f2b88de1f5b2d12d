using System.Security.Cryptography;

namespace KnowledgeKaizen.Core.Identity;

/// <summary>
/// A bearer token for the ingestion and findings APIs. Only the SHA-256 of the secret is stored: the secret is shown
/// once at creation, and a leaked database does not leak usable tokens.
/// </summary>
public class ApiToken
{
    /// <summary>Every secret starts with this, so scanners and people recognise it.</summary>
    public const string SecretPrefix = "kk_";

    private ApiToken()
    {
        Name = string.Empty;
        Hash = string.Empty;
        Prefix = string.Empty;
        CreatedBy = string.Empty;
    }

    private ApiToken(string name, string secret, string createdBy, DateTimeOffset createdAt)
    {
        Name = name;
        Hash = HashOf(secret);
        Prefix = secret[..(SecretPrefix.Length + 6)];
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public string Name { get; private set; }

    /// <summary>Hex SHA-256 of the secret.</summary>
    public string Hash { get; private set; }

    /// <summary>The first characters of the secret, to tell tokens apart in the list.</summary>
    public string Prefix { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Creates a token from 32 random bytes; the secret is returned once and never stored.</summary>
    public static (ApiToken Token, string Secret) Create(string name, string createdBy, DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A token needs a name.", nameof(name));
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new ApiToken(name.Trim(), secret, createdBy, createdAt), secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;

    public void MarkUsed(DateTimeOffset at) => LastUsedAt = at;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.HasIndex(t => t.Hash).IsUnique();
    }
}
