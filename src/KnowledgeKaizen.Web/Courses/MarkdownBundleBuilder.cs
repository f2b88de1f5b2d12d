using System.IO.Compression;
using System.Text;
using System.Text.Json;
using KnowledgeKaizen.Core.Markdown;
using KnowledgeKaizen.Web.Courses.Scorm;

namespace KnowledgeKaizen.Web.Courses;

/// <summary>
/// The course as plain Markdown for trainers who edit material elsewhere: index.md (objectives and contents),
/// one file per module (pinned revision text, trainer notes, questions with answers) and course.json with the
/// structure and pins, plus the uploaded images the modules use.
/// </summary>
public sealed class MarkdownBundleBuilder(MarkdownRenderer markdown, CourseExportAssets assets, IStringLocalizer<SharedResource> l)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<CourseExport> BuildAsync(CourseContent content, CancellationToken ct = default)
    {
        var course = content.Course;
        course.RequireContent();
        var images = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var files = new List<(string Path, string Text)>();
        var index = new StringBuilder().Append("# ").AppendLine(course.Title).AppendLine();
        if (course.Objectives.Length > 0)
        {
            index.Append("## ").AppendLine(l["Objectives"]).AppendLine().AppendLine(course.Objectives).AppendLine();
        }

        index.Append("## ").AppendLine(l["Contents"]).AppendLine();
        foreach (var (module, number) in content.Modules.Select((m, i) => (m, i + 1)))
        {
            var path = $"{number:00}-{ModuleSlug(module, number)}.md";
            index.Append(number).Append(". [").Append(module.Pinned.Title).Append("](").Append(path).AppendLine(")");
            files.Add((path, await ModuleMarkdownAsync(module, images, ct)));
        }

        var manifest = new
        {
            course.Id,
            course.Title,
            course.Objectives,
            course.AudienceRole,
            course.AudienceStage,
            Modules = content.Modules.Select((m, i) => new
            {
                File = files[i].Path,
                m.Module.DocumentId,
                Kind = m.Kind.Code(),
                Revision = m.Module.PinnedRevision,
                m.Pinned.Title,
                m.Pinned.ContentHash,
                Archived = m.IsArchived,
                m.Module.Notes,
                Questions = m.Module.OrderedQuestions.Select(q => new { q.Prompt, q.Options, q.CorrectIndex, q.Explanation }),
            }),
        };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "index.md", index.ToString());
            files.ForEach(f => Write(zip, f.Path, f.Text));
            Write(zip, "course.json", JsonSerializer.Serialize(manifest, Json));
            await assets.AddImagesAsync(zip, images, ct);
        }

        return new CourseExport(CourseFiles.Name(course, "markdown.zip"), buffer.ToArray(), []);
    }

    private async Task<string> ModuleMarkdownAsync(ModuleContent module, IDictionary<string, string> images, CancellationToken ct)
    {
        var text = new StringBuilder().Append("# ").AppendLine(module.Pinned.Title).AppendLine()
            .Append("> ").AppendLine(l["{0}, revision {1}", l[module.Kind.ToString()], module.Module.PinnedRevision]).AppendLine()
            .AppendLine(await assets.SelfContainedMarkdownAsync(markdown.WithoutRepeatedTitle(module.Pinned.Body, module.Pinned.Title).Trim(), images, ct)).AppendLine();
        if (module.Module.Notes.Length > 0)
        {
            text.Append("## ").AppendLine(l["Trainer notes"]).AppendLine().AppendLine(module.Module.Notes).AppendLine();
        }

        if (module.Module.Questions.Count > 0)
        {
            text.Append("## ").AppendLine(l["Questions"]).AppendLine();
            foreach (var (question, number) in module.Module.OrderedQuestions.Select((q, i) => (q, i + 1)))
            {
                text.Append(number).Append(". ").AppendLine(question.Prompt);
                for (var option = 0; option < question.Options.Length; option++)
                {
                    text.Append("   - [").Append(option == question.CorrectIndex ? 'x' : ' ').Append("] ").AppendLine(question.Options[option]);
                }

                if (question.Explanation.Length > 0)
                {
                    text.Append("   ").AppendLine(question.Explanation);
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }

    private static string ModuleSlug(ModuleContent module, int number) =>
        CourseFiles.Slug(module.Pinned.Title) is { Length: > 0 } slug ? slug : "module-" + number;

    private static void Write(ZipArchive zip, string path, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
