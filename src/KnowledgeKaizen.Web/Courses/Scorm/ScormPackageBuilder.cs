using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;

namespace KnowledgeKaizen.Web.Courses.Scorm;

/// <summary>
/// Builds a SCORM 1.2 package: imsmanifest.xml at the root, one SCO (index.html with every module's pinned
/// revision, the quiz and a small runtime that reports to the LMS), its stylesheet and images, the diagram renderer
/// when a module has a diagram, and the schema files the manifest names. Nothing in it points outside the zip.
/// </summary>
public sealed class ScormPackageBuilder(MarkdownHtml markdown, CourseExportAssets assets, IStringLocalizer<SharedResource> l)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Package files that draw diagrams, and where the portal serves them from (wwwroot).</summary>
    private static readonly (string File, string WebRoot)[] DiagramFiles = [("diagrams.js", "js/diagrams.js"), ("mermaid.min.js", "lib/mermaid/mermaid.min.js")];

    /// <summary>Refuses an empty course; archived documents still export at their pinned revision.</summary>
    public async Task<CourseExport> BuildAsync(CourseContent content, CancellationToken ct = default)
    {
        content.Course.RequireContent();
        var images = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var removed = new List<string>();
        var page = await LaunchPageAsync(content, images, removed, ct);
        var diagrams = KnowledgeKaizen.Core.Markdown.MarkdownRenderer.HasDiagram(page) ? DiagramFiles : [];
        var files = new List<string> { ScormManifest.LaunchPage, "scorm-runtime.js", "course.css" };
        files.AddRange(diagrams.Select(d => d.File));
        files.AddRange(images.Keys);
        var mastery = content.Course.QuestionCount > 0 ? Course.MasteryScore : (int?)null;
        var manifest = ScormManifest.Build(content.Course, files, mastery);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("imsmanifest.xml").Open(), new UTF8Encoding(false)))
            {
                manifest.Save(writer);
            }

            Add(zip, ScormManifest.LaunchPage, Encoding.UTF8.GetBytes(page));
            Add(zip, "scorm-runtime.js", CourseExportAssets.Embedded("scorm-runtime.js"));
            Add(zip, "course.css", CourseExportAssets.Embedded("scorm.css"));
            foreach (var (file, webRoot) in diagrams)
            {
                Add(zip, file, assets.WebRootFile(webRoot));
            }
            foreach (var schema in ScormManifest.SchemaFiles)
            {
                Add(zip, schema, CourseExportAssets.Embedded(schema));
            }

            await assets.AddImagesAsync(zip, images, ct);
        }

        return new CourseExport(CourseFiles.Name(content.Course, "scorm12.zip"), buffer.ToArray(), removed.Distinct().ToList());
    }

    private async Task<string> LaunchPageAsync(CourseContent content, IDictionary<string, string> images, List<string> removed, CancellationToken ct)
    {
        var course = content.Course;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Html.Encode(System.Globalization.CultureInfo.CurrentUICulture.Name)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode(course.Title)).Append("</title>\n<link rel=\"stylesheet\" href=\"course.css\">\n</head>\n")
            .Append("<body data-mastery=\"").Append(course.QuestionCount > 0 ? Course.MasteryScore : 0)
            .Append("\" data-unanswered=\"").Append(Html.Encode(l["Answer every question before finishing."])).Append("\">\n")
            .Append("<header><h1>").Append(Html.Encode(course.Title)).Append("</h1>\n")
            .Append("<p id=\"lms-status\" class=\"lms-status\" data-connected=\"").Append(Html.Encode(l["Connected to your learning system."]))
            .Append("\" data-offline=\"").Append(Html.Encode(l["No learning system found: your result will not be recorded."])).Append("\"></p>\n");
        if (course.Objectives.Length > 0)
        {
            html.Append("<section class=\"objectives\"><h2>").Append(Html.Encode(l["Objectives"])).Append("</h2>\n")
                .Append(await assets.SelfContainedAsync(markdown.Text(course.Objectives), images, removed, ct)).Append("</section>\n");
        }

        html.Append("<nav class=\"toc\"><h2>").Append(Html.Encode(l["Contents"])).Append("</h2><ol>\n");
        foreach (var (module, index) in content.Modules.Select((m, i) => (m, i + 1)))
        {
            html.Append("<li><a href=\"#module-").Append(index).Append("\">").Append(Html.Encode(module.Pinned.Title)).Append("</a></li>\n");
        }

        html.Append("</ol></nav>\n</header>\n<main>\n");
        foreach (var (module, index) in content.Modules.Select((m, i) => (m, i + 1)))
        {
            await AppendModuleAsync(html, module, index, images, removed, ct);
        }

        html.Append("<section class=\"finish\"><button type=\"button\" id=\"finish\">").Append(Html.Encode(l["Finish course"])).Append("</button>\n")
            .Append("<p id=\"result\" class=\"result\" role=\"status\" hidden data-template=\"").Append(Html.Encode(l["Your score: {0}% ({1})"]))
            .Append("\" data-passed=\"").Append(Html.Encode(l["Passed"])).Append("\" data-failed=\"").Append(Html.Encode(l["Failed"]))
            .Append("\" data-completed=\"").Append(Html.Encode(l["Completed"])).Append("\"></p></section>\n")
            .Append("</main>\n<script src=\"scorm-runtime.js\"></script>\n");
        if (KnowledgeKaizen.Core.Markdown.MarkdownRenderer.HasDiagram(html.ToString()))
        {
            html.Append("<script src=\"").Append(DiagramFiles[0].File).Append("\" data-mermaid-src=\"").Append(DiagramFiles[1].File).Append("\"></script>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private async Task AppendModuleAsync(StringBuilder html, ModuleContent module, int index, IDictionary<string, string> images, List<string> removed, CancellationToken ct)
    {
        html.Append("<section class=\"module\" id=\"module-").Append(index).Append("\">\n<h2>").Append(index).Append(". ")
            .Append(Html.Encode(module.Pinned.Title)).Append("</h2>\n<div class=\"content\">")
            .Append(await assets.SelfContainedAsync(markdown.Revision(module.Pinned), images, removed, ct)).Append("</div>\n");
        foreach (var (question, number) in module.Module.OrderedQuestions.Select((q, i) => (q, i + 1)))
        {
            var name = $"q-{index}-{number}";
            html.Append("<fieldset class=\"quiz-question\" data-correct=\"").Append(question.CorrectIndex).Append("\">\n<legend>")
                .Append(Html.Encode(question.Prompt)).Append("</legend>\n");
            for (var option = 0; option < question.Options.Length; option++)
            {
                html.Append("<label><input type=\"radio\" name=\"").Append(name).Append("\" value=\"").Append(option).Append("\"> ")
                    .Append(Html.Encode(question.Options[option])).Append("</label>\n");
            }

            html.Append("<p class=\"quiz-feedback\" hidden>").Append(Html.Encode(l["Correct answer: {0}", question.Options[question.CorrectIndex]]));
            if (question.Explanation.Length > 0)
            {
                html.Append(" — ").Append(Html.Encode(question.Explanation));
            }

            html.Append("</p>\n</fieldset>\n");
        }

        html.Append("</section>\n");
    }

    private static void Add(ZipArchive zip, string path, byte[] bytes)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        stream.Write(bytes);
    }
}
