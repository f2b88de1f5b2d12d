using System.Text.RegularExpressions;
using KnowledgeKaizen.Core.Hosting;

namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>
/// Images pasted into documents. Stored under the data folder with a random name; the type is decided by
/// the file's signature, not its name or the browser's claim, and SVG is refused because it can carry script.
/// </summary>
public sealed partial class ImageStore(DataFolder folder)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly (string Extension, string ContentType, byte[] Signature)[] Types =
    [
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".gif", "image/gif", [0x47, 0x49, 0x46, 0x38]),
        (".webp", "image/webp", [0x52, 0x49, 0x46, 0x46]),
    ];

    private string Root => Path.Combine(folder.Uploads, "knowledge");

    /// <summary>Stores the image and returns its file name, or the reason it was refused.</summary>
    public async Task<(string? Name, string? Error)> SaveAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0)
        {
            return (null, "The file is empty.");
        }

        if (file.Length > MaxBytes)
        {
            return (null, "Images may be at most 5 MB.");
        }

        var header = new byte[12];
        await using (var probe = file.OpenReadStream())
        {
            _ = await probe.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        }

        var type = Types.FirstOrDefault(t => header.AsSpan().StartsWith(t.Signature)
            && (t.Extension != ".webp" || header.AsSpan(8, 4).SequenceEqual("WEBP"u8)));
        if (type.Extension is null)
        {
            return (null, "Only PNG, JPEG, GIF and WebP images can be uploaded.");
        }

        Directory.CreateDirectory(Root);
        var name = Guid.NewGuid().ToString("N") + type.Extension;
        await using var target = File.Create(Path.Combine(Root, name));
        await file.CopyToAsync(target, ct);
        return (name, null);
    }

    /// <summary>The stored file and its content type, or null for a name that is not one of ours.</summary>
    public (string Path, string ContentType)? Find(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            return null;
        }

        var path = Path.Combine(Root, name);
        var type = Types.First(t => name.EndsWith(t.Extension, StringComparison.Ordinal));
        return File.Exists(path) ? (path, type.ContentType) : null;
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(png|jpg|gif|webp)$")]
    private static partial Regex NamePattern();
}
