namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// One element of the data-protection key ring (a key or a revocation) as the key manager wrote it, when the ring is
/// kept in the database (<see cref="DatabaseKeyStore"/>). Rows are only ever added.
/// </summary>
public class DataProtectionKey : IAppendOnly
{
    public const int MaxFriendlyNameLength = 256;

    private DataProtectionKey()
    {
        Xml = string.Empty;
    }

    public DataProtectionKey(string? friendlyName, string xml)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(xml);
        FriendlyName = friendlyName is { Length: > MaxFriendlyNameLength } ? friendlyName[..MaxFriendlyNameLength] : friendlyName;
        Xml = xml;
    }

    public long Id { get; private set; }

    /// <summary>What the key manager calls the element ("key-{id}", "revocation-…"), for people reading the table.</summary>
    public string? FriendlyName { get; private set; }

    public string Xml { get; private set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) =>
        builder.Property(k => k.FriendlyName).HasMaxLength(DataProtectionKey.MaxFriendlyNameLength);
}
