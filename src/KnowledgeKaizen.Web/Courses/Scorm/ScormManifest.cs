using System.Xml.Linq;

namespace KnowledgeKaizen.Web.Courses.Scorm;

/// <summary>
/// imsmanifest.xml for a SCORM 1.2 package: IMS Content Packaging 1.1.2 with the ADL SCORM 1.2 extensions,
/// one organisation with one item launching one SCO that lists every file it uses.
/// </summary>
public static class ScormManifest
{
    public static readonly XNamespace Cp = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    public static readonly XNamespace Adlcp = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    public static readonly XNamespace Md = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The schema files the manifest refers to; they travel inside the package.</summary>
    public static readonly IReadOnlyList<string> SchemaFiles = ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"];

    public const string LaunchPage = "index.html";

    /// <param name="course">The course (its id makes the identifiers stable across exports).</param>
    /// <param name="files">Every file of the SCO, relative to the package root, including the launch page.</param>
    /// <param name="masteryScore">Score needed to pass; null when the course has no questions.</param>
    public static XDocument Build(Course course, IEnumerable<string> files, int? masteryScore)
    {
        var id = course.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var item = new XElement(Cp + "item",
            new XAttribute("identifier", "ITEM-" + id),
            new XAttribute("identifierref", "RES-" + id),
            new XAttribute("isvisible", "true"),
            new XElement(Cp + "title", course.Title));
        if (masteryScore is { } mastery)
        {
            item.Add(new XElement(Adlcp + "masteryscore", mastery));
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Cp + "manifest",
                new XAttribute("identifier", "KNOWLEDGEKAIZEN-COURSE-" + id),
                new XAttribute("version", "1.0"),
                new XAttribute(XNamespace.Xmlns + "adlcp", Adlcp),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XAttribute(Xsi + "schemaLocation",
                    $"{Cp} imscp_rootv1p1p2.xsd {Md} imsmd_rootv1p2p1.xsd {Adlcp} adlcp_rootv1p2.xsd"),
                new XElement(Cp + "metadata",
                    new XElement(Cp + "schema", "ADL SCORM"),
                    new XElement(Cp + "schemaversion", "1.2")),
                new XElement(Cp + "organizations",
                    new XAttribute("default", "ORG-" + id),
                    new XElement(Cp + "organization",
                        new XAttribute("identifier", "ORG-" + id),
                        new XElement(Cp + "title", course.Title),
                        item)),
                new XElement(Cp + "resources",
                    new XElement(Cp + "resource",
                        new XAttribute("identifier", "RES-" + id),
                        new XAttribute("type", "webcontent"),
                        new XAttribute(Adlcp + "scormtype", "sco"),
                        new XAttribute("href", LaunchPage),
                        files.Distinct(StringComparer.Ordinal).Select(f => new XElement(Cp + "file", new XAttribute("href", f)))))));
    }
}
