namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>
/// Images pasted into documents, kept in the file store under a random name. The type is decided by the content's
/// signature, not its name or the browser's claim, and SVG is refused because it can carry script.
/// </summary>
public sealed partial class ImageStore(IFileStore files)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private const string Folder = "uploads/knowledge/";

    private static readonly (string Extension, string ContentType, byte[] Signature)[] Types =
    [
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".gif", "image/gif", [0x47, 0x49, 0x46, 0x38]),
        (".webp", "image/webp", [0x52, 0x49, 0x46, 0x46]),
    ];

    /// <summary>Stores an image of <paramref name="length"/> bytes and returns its name, or the reason it was refused.</summary>
    public async Task<(string? Name, string? Error)> SaveAsync(Stream content, long length, CancellationToken ct)
    {
        if (length == 0)
        {
            return (null, "The file is empty.");
        }

        if (length > MaxBytes)
        {
            return (null, "Images may be at most 5 MB.");
        }

        // At most 5 MB: read whole, so the signature check and the stored bytes are the same bytes.
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var header = buffer.GetBuffer()[..(int)Math.Min(12, buffer.Length)];
        var type = Types.FirstOrDefault(t => header.AsSpan().StartsWith(t.Signature)
            && (t.Extension != ".webp" || (header.Length == 12 && header.AsSpan(8, 4).SequenceEqual("WEBP"u8))));
        if (type.Extension is null)
        {
            return (null, "Only PNG, JPEG, GIF and WebP images can be uploaded.");
        }

        var name = Guid.NewGuid().ToString("N") + type.Extension;
        buffer.Position = 0;
        await files.WriteAsync(Folder + name, buffer, ct);
        return (name, null);
    }

    /// <summary>The stored image and its content type, or null for a name that is not one of ours or no longer exists.</summary>
    public async Task<(Stream Content, string ContentType)?> OpenAsync(string name, CancellationToken ct)
    {
        if (!IsImageName(name) || await files.OpenReadAsync(Folder + name, ct) is not { } content)
        {
            return null;
        }

        return (content, Types.First(t => name.EndsWith(t.Extension, StringComparison.Ordinal)).ContentType);
    }

    /// <summary>Whether an image of this name is stored.</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken ct) =>
        IsImageName(name) && await files.LengthAsync(Folder + name, ct) is not null;

    /// <summary>The shape of the names <see cref="SaveAsync"/> gives.</summary>
    public static bool IsImageName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex("^[0-9a-f]{32}\\.(png|jpg|gif|webp)$")]
    private static partial Regex NamePattern();
}
