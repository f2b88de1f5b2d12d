using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using KnowledgeKaizen.Web.Knowledge;

namespace KnowledgeKaizen.Web.Courses;

/// <summary>
/// Makes rendered module HTML self-contained for exports: images uploaded to the knowledge base are copied
/// into the package and referenced relatively; any other URL (external images, links to the portal or the
/// web) is removed and reported, because an exported package must not depend on anything outside it.
/// </summary>
public sealed partial class CourseExportAssets(ImageStore images)
{
    /// <summary>Where uploaded knowledge images live in the portal; the name is the stored file name.</summary>
    public const string ImageUrlPrefix = "/api/v1/knowledge/images/";

    private static readonly HtmlParser Parser = new();

    /// <summary>Rewrites one module's HTML; adds the images it uses to <paramref name="files"/> (package path → disk path).</summary>
    public string SelfContained(string html, IDictionary<string, string> files, ICollection<string> removed)
    {
        var document = Parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;
        foreach (var img in body.QuerySelectorAll("img").ToList())
        {
            var src = img.GetAttribute("src") ?? string.Empty;
            if (LocalImage(src) is { } found)
            {
                files[found.PackagePath] = found.DiskPath;
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
    public string SelfContainedMarkdown(string markdown, IDictionary<string, string> files) =>
        ImageReference().Replace(markdown, match =>
        {
            if (LocalImage(ImageUrlPrefix + match.Groups["name"].Value) is not { } found)
            {
                return match.Value;
            }

            files[found.PackagePath] = found.DiskPath;
            return found.PackagePath;
        });

    private (string PackagePath, string DiskPath)? LocalImage(string src)
    {
        if (!src.StartsWith(ImageUrlPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = src[ImageUrlPrefix.Length..];
        return images.Find(name) is { } stored ? ("images/" + name, stored.Path) : null;
    }

    [GeneratedRegex(@"/api/v1/knowledge/images/(?<name>[0-9a-f]{32}\.(png|jpg|gif|webp))")]
    private static partial Regex ImageReference();

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
