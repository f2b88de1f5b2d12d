using System.Text.RegularExpressions;
using KnowledgeKaizen.Core.Crm;

namespace KnowledgeKaizen.Web.Localization;

/// <summary>
/// The one place a code or an account becomes what a reader sees, in the reader's language: stage names (the CRM's
/// stage table first, so a stage has one name everywhere), categories, industries, lead sources, roles, import kinds
/// and people (a known e-mail address becomes the person's name; the content importer is "Content library").
/// Pages, page models and tables use it wherever a code would otherwise show.
/// </summary>
public sealed partial class DisplayNames(NameDirectory directory, IStringLocalizer<SharedResource> l)
{
    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>A stage code's name: the CRM's, else the standard stage's, else the humanised code.</summary>
    public string Stage(string? code) => string.IsNullOrWhiteSpace(code) ? string.Empty
        : directory.Stage(code.Trim(), Chinese) ?? Known(CodeNames.Stages, code);

    public string Category(string? code) => Known(CodeNames.Categories, code);

    public string Industry(string? code) => Known(CodeNames.Industries, code);

    public string Source(string? code) => Known(CodeNames.Sources, code);

    /// <summary>
    /// A deal-mix category by its dimension (<see cref="KnowledgeKaizen.Insights.PerformerDetection.ShareComparison"/>): industries and lead
    /// sources are codes with names; regions are the CRM's own words and shown as written.
    /// </summary>
    public string MixCategory(string dimension, string category) => dimension switch
    {
        "Industry" => Industry(category),
        "Source" => Source(category),
        _ => category,
    };

    /// <summary>
    /// A task's title in the reader's language, from its kind and the stage it is about; a task of a kind the portal does
    /// not title keeps the title it was sent with.
    /// </summary>
    public string TaskTitle(string kind, string? stage, string stored) =>
        kind == CaptureRequestService.TaskKind && !string.IsNullOrWhiteSpace(stage)
            ? l["Capture request: your method at {0}", Stage(stage)]
            : stored;

    public string Role(string role) => CodeNames.Roles.TryGetValue(role, out var label) ? l[label] : CodeNames.Humanise(role);

    public string ImportKindName(ImportKind kind) => l[CodeNames.ImportKindLabel(kind)];

    public string ImportSourceName(ImportSource source) => l[CodeNames.ImportSourceLabel(source)];

    /// <summary>
    /// Who did something, as stored (a display name, an e-mail address, or a system actor): a known person's e-mail
    /// becomes their name, the content importer and the automatic senders get localised names.
    /// </summary>
    public string Person(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return string.Empty;
        }

        var value = stored.Trim();
        return value switch
        {
            Actor.ImporterName or "content/" => l["Content library"],
            "automatic" => l["Performer detection"],
            "demo data" => l["Demo data"],
            _ when value.StartsWith("token:", StringComparison.Ordinal) => l["API token {0}", value["token:".Length..]],
            _ when EmailAddress().IsMatch(value) => directory.PersonByEmail(value) ?? value,
            _ => value,
        };
    }

    /// <summary>A revision's change note: the notes the portal writes itself are shown in the reader's language.</summary>
    public string ChangeNote(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return string.Empty;
        }

        if (note is KnowledgeDocument.ImportNote or "Imported from content/")
        {
            return l[KnowledgeDocument.ImportNote];
        }

        if (note == KnowledgeDocument.CreatedNote)
        {
            return l["Document created"];
        }

        if (RestoredNote().Match(note) is { Success: true } restored)
        {
            return l[KnowledgeDocument.RestoredNote, restored.Groups[1].Value];
        }

        var standardised = StandardisedNote().Match(note);
        return standardised.Success
            ? l[KnowledgeDocument.StandardisedNote, standardised.Groups[1].Value, Person(standardised.Groups[2].Value), standardised.Groups[3].Value]
            : note;
    }

    /// <summary>A procedure step reference ("discovery-visit#step-3") as "Step 3" — the procedure's title is shown beside it.</summary>
    public string Step(string anchor)
    {
        var match = StepAnchor().Match(anchor);
        return match.Success ? l["Step {0}", match.Groups[1].Value] : anchor;
    }

    private string Known(IReadOnlyDictionary<string, string> catalogue, string? code) =>
        string.IsNullOrWhiteSpace(code) ? string.Empty
        : catalogue.TryGetValue(code.Trim(), out var label) ? l[label] : CodeNames.Humanise(code);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"^Standardised from playbook ""(.*)"" by (.*) \(#(\d+)\)$")]
    private static partial Regex StandardisedNote();

    [GeneratedRegex(@"^Restored revision (\d+)$")]
    private static partial Regex RestoredNote();

    [GeneratedRegex(@"^(?:.*#)?step-(\d+)$")]
    private static partial Regex StepAnchor();
}
