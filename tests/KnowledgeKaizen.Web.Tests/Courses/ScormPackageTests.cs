using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Web.Courses.Scorm;

namespace KnowledgeKaizen.Web.Tests.Courses;

/// <summary>The SCORM 1.2 package: manifest valid against the official schemas it carries, and fully self-contained.</summary>
public sealed class ScormPackageTests(PortalFactory factory) : IClassFixture<PortalFactory>, IDisposable
{
    private readonly TempFolder extracted = new("scorm");

    [Fact]
    public async Task Manifest_IsValidAgainstTheOfficialScorm12SchemasShippedInThePackage()
    {
        var package = await ExportAsync();
        var folder = Extract(package.Zip);

        Assert.Empty(await ValidateAsync(folder, Path.Combine(folder, "imsmanifest.xml")));
        var manifest = XDocument.Load(Path.Combine(folder, "imsmanifest.xml"));
        Assert.Equal("1.2", manifest.Descendants(ScormManifest.Cp + "schemaversion").Single().Value);
        Assert.Equal(Course.MasteryScore.ToString(System.Globalization.CultureInfo.InvariantCulture), manifest.Descendants(ScormManifest.Adlcp + "masteryscore").Single().Value);
        var resource = manifest.Descendants(ScormManifest.Cp + "resource").Single();
        Assert.Equal("sco", resource.Attribute(ScormManifest.Adlcp + "scormtype")!.Value);
        Assert.Equal("index.html", resource.Attribute("href")!.Value);
    }

    [Fact]
    public async Task Package_ListsEveryFile_IncludesUploadedImages_AndHasNoExternalUrls()
    {
        var package = await ExportAsync();
        var folder = Extract(package.Zip);
        var manifest = XDocument.Load(Path.Combine(folder, "imsmanifest.xml"));
        var listed = manifest.Descendants(ScormManifest.Cp + "file").Select(f => f.Attribute("href")!.Value).ToList();

        Assert.All(listed, f => Assert.True(File.Exists(Path.Combine(folder, f)), f + " is listed but missing"));
        Assert.Contains(listed, f => f.StartsWith("images/", StringComparison.Ordinal) && f.EndsWith(".png", StringComparison.Ordinal));
        foreach (var schema in ScormManifest.SchemaFiles)
        {
            Assert.True(File.Exists(Path.Combine(folder, schema)), schema);
        }

        var index = await File.ReadAllTextAsync(Path.Combine(folder, "index.html"));
        Assert.DoesNotContain("http://", index, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", index, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/v1/", index, StringComparison.Ordinal);
        Assert.Contains("https://example.com/pricing", package.RemovedUrls);
        Assert.Contains("Proposal structure", index, StringComparison.Ordinal);
        Assert.Contains("LMSInitialize", await File.ReadAllTextAsync(Path.Combine(folder, "scorm-runtime.js")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModuleWithADiagram_ShipsTheRendererInThePackage_AndOneWithoutDoesNot()
    {
        var drawn = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Procedure, "Escalation flow",
            "# Escalation flow\n\n```mermaid\nflowchart LR\n  A[Agent] --> B[Team lead]\n```\n");
        var plain = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Playbook, "Calm voice", "Speak slowly.");

        var withDiagram = Extract((await ExportCourseAsync("Escalations", drawn, plain)).Zip);
        var listed = XDocument.Load(Path.Combine(withDiagram, "imsmanifest.xml")).Descendants(ScormManifest.Cp + "file").Select(f => f.Attribute("href")!.Value).ToList();
        Assert.Contains("diagrams.js", listed);
        Assert.Contains("mermaid.min.js", listed);
        var index = await File.ReadAllTextAsync(Path.Combine(withDiagram, "index.html"));
        Assert.Contains("<script src=\"diagrams.js\" data-mermaid-src=\"mermaid.min.js\"></script>", index, StringComparison.Ordinal);
        Assert.Contains("class=\"mermaid\"", index, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(withDiagram, "mermaid.min.js")).Length > 1_000_000, "the whole renderer travels in the package");
        // The module's heading is the title; the body's H1 repeating it is left out.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(index, "Escalation flow</h"));

        var without = Extract((await ExportCourseAsync("Calm calls", plain)).Zip);
        Assert.False(File.Exists(Path.Combine(without, "mermaid.min.js")));
        Assert.DoesNotContain("diagrams.js", await File.ReadAllTextAsync(Path.Combine(without, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchivedDocument_IsStillExportedAtItsPinnedRevision()
    {
        var doc = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Solution, "Retired answer", "The retired fix text.");
        var id = await ContentScenario.CourseAsync(factory.Services, "Retired course", doc);
        await ContentScenario.ArchiveAsync(factory.Services, doc);

        var package = await ContentScenario.WithAsync(factory.Services, async s =>
            await s.GetRequiredService<ScormPackageBuilder>().BuildAsync((await s.GetRequiredService<CourseService>().ContentAsync(id))!));

        var index = await File.ReadAllTextAsync(Path.Combine(Extract(package.Zip), "index.html"));
        Assert.Contains("The retired fix text.", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaValidation_CatchesABrokenManifest()
    {
        var folder = Extract((await ExportAsync()).Zip);
        var manifest = XDocument.Load(Path.Combine(folder, "imsmanifest.xml"));
        manifest.Descendants(ScormManifest.Adlcp + "masteryscore").Single().Value = "eighty";
        manifest.Descendants(ScormManifest.Cp + "organizations").Single().Remove();
        var broken = Path.Combine(folder, "broken.xml");
        manifest.Save(broken);

        Assert.NotEmpty(await ValidateAsync(folder, broken));
    }

    /// <summary>Validates a manifest against the schema files in the extracted package; returns the problems.</summary>
    private static async Task<List<string>> ValidateAsync(string folder, string manifestPath)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new LocalSchemaResolver(folder) };

        // .NET knows only xml:lang and xml:space of the xml namespace and skips imports of it, so the IMS copy
        // (which adds xml:base) is added explicitly, as the imports would have. That file binds the default
        // prefix to the xml namespace, which Namespaces in XML forbids and .NET's reader refuses; the binding
        // is unused (no unprefixed references), so it is dropped before reading.
        var imsXml = (await File.ReadAllTextAsync(Path.Combine(folder, "ims_xml.xsd")))
            .Replace("xmlns=\"http://www.w3.org/XML/1998/namespace\"", string.Empty, StringComparison.Ordinal);
        using (var xmlSchema = XmlReader.Create(new StringReader(imsXml)))
        {
            schemas.Add(XNamespace.Xml.NamespaceName, xmlSchema);
        }
        schemas.Add(ScormManifest.Cp.NamespaceName, Path.Combine(folder, "imscp_rootv1p1p2.xsd"));
        schemas.Add(ScormManifest.Adlcp.NamespaceName, Path.Combine(folder, "adlcp_rootv1p2.xsd"));
        // imsmd_rootv1p2p1.xsd (LOM metadata) is shipped as packages conventionally do, but not loaded: the manifest
        // uses no LOM elements, and .NET rejects that schema's ##any wildcard as ambiguous (UPA).
        schemas.Compile();

        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using (var reader = XmlReader.Create(manifestPath, settings))
        {
            while (reader.Read())
            {
            }
        }

        return errors;
    }

    private async Task<CourseExport> ExportAsync()
    {
        var image = ContentScenario.StoreImage(factory.Services);
        var first = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Procedure, "Proposal structure",
            $"## Steps\n\n1. Summarise the need.\n\n![Chart]({image})\n\nSee [pricing](https://example.com/pricing) and ![remote](https://example.com/x.png).\n");
        var second = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Playbook, "Proposal walkthrough", "Walk the buyer through it.");
        return await ExportCourseAsync("Proposals", first, second);
    }

    private async Task<CourseExport> ExportCourseAsync(string title, params int[] documents)
    {
        var id = await ContentScenario.CourseAsync(factory.Services, title, documents);
        return await ContentScenario.WithAsync(factory.Services, async s =>
            await s.GetRequiredService<ScormPackageBuilder>().BuildAsync((await s.GetRequiredService<CourseService>().ContentAsync(id))!));
    }

    public void Dispose() => extracted.Dispose();

    private string Extract(byte[] zip)
    {
        var folder = extracted.File(Guid.NewGuid().ToString("N"));
        using var archive = new ZipArchive(new MemoryStream(zip));
        archive.ExtractToDirectory(folder);
        return folder;
    }

    /// <summary>Resolves schema imports (xml namespace, IMS CP) to the copies in the package; never the network.</summary>
    private sealed class LocalSchemaResolver(string folder) : XmlResolver
    {
        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var path = Path.Combine(folder, Path.GetFileName(absoluteUri.LocalPath));
            return File.Exists(path) ? File.OpenRead(path) : throw new XmlException($"Schema {absoluteUri} is not in the package.");
        }
    }
}
