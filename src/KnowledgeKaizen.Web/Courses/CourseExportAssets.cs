using System.IO.Compression;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace KnowledgeKaizen.Web.Courses;

/// <summary>
/// Makes rendered module HTML self-contained for exports: images uploaded to the knowledge base are copied
/// into the package and referenced relatively; any other URL (external images, links to the portal or the
/// web) is removed and reported, because an exported package must not depend on anything outside it.
/// </summary>
public sealed partial class CourseExportAssets(ImageStore images, IWebHostEnvironment environment)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Rewrites one module's HTML; adds the images it uses to <paramref name="files"/> (package path → image name).</summary>
    public async Task<string> SelfContainedAsync(string html, IDictionary<string, string> files, ICollection<string> removed, CancellationToken ct)
    {
        var document = Parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;
        foreach (var img in body.QuerySelectorAll("img").ToList())
        {
            var src = img.GetAttribute("src") ?? string.Empty;
            if (await LocalImageAsync(src, ct) is { } found)
            {
                files[found.PackagePath] = found.Name;
                img.SetAttribute("src", found.PackagePath);
            }
            else
            {
                removed.Add(src);
                var note = document.CreateElement("span");
                note.ClassName = "removed-link";
                note.TextContent = "[" + (img.GetAttribute("alt") is { Length: > 0 } alt ? alt : "image") + "]";
                img.Replace(note);
            }
        }

        foreach (var link in body.QuerySelectorAll("a[href]").ToList())
        {
            var href = link.GetAttribute("href") ?? string.Empty;
            if (href.StartsWith('#'))
            {
                continue;
            }

            removed.Add(href);
            link.RemoveAttribute("href");
            link.ClassName = "removed-link";
        }

        return body.InnerHtml;
    }

    /// <summary>Rewrites Markdown image references to uploaded images into relative package paths.</summary>
    public async Task<string> SelfContainedMarkdownAsync(string markdown, IDictionary<string, string> files, CancellationToken ct)
    {
        var rewritten = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ImageReference().Matches(markdown).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal))
        {
            if (await LocalImageAsync(KnowledgeApi.ImageUrlPrefix + name, ct) is { } found)
            {
                files[found.PackagePath] = found.Name;
                rewritten[name] = found.PackagePath;
            }
        }

        return ImageReference().Replace(markdown, match => rewritten.GetValueOrDefault(match.Groups["name"].Value, match.Value));
    }

    /// <summary>Copies the images <see cref="SelfContainedAsync"/> collected into the package.</summary>
    public async Task AddImagesAsync(ZipArchive zip, IDictionary<string, string> files, CancellationToken ct)
    {
        foreach (var (packagePath, name) in files)
        {
            if (await images.OpenAsync(name, ct) is not { } image)
            {
                continue;
            }

            await using var source = image.Content;
            await using var target = zip.CreateEntry(packagePath, CompressionLevel.Optimal).Open();
            await source.CopyToAsync(target, ct);
        }
    }

    private async Task<(string PackagePath, string Name)?> LocalImageAsync(string src, CancellationToken ct)
    {
        if (!src.StartsWith(KnowledgeApi.ImageUrlPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = src[KnowledgeApi.ImageUrlPrefix.Length..];
        return await images.ExistsAsync(name, ct) ? ("images/" + name, name) : null;
    }

    [GeneratedRegex(@"/api/v1/knowledge/images/(?<name>[0-9a-f]{32}\.(png|jpg|gif|webp))")]
    private static partial Regex ImageReference();

    /// <summary>A file the portal serves from wwwroot (e.g. the diagram renderer), copied into a package unchanged.</summary>
    public byte[] WebRootFile(string path)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"wwwroot/{path} is missing from the installation.");
        }

        using var stream = file.CreateReadStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A file shipped inside the web assembly (runtime script, stylesheet, schemas).</summary>
    public static byte[] Embedded(string name)
    {
        var assembly = typeof(CourseExportAssets).Assembly;
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
