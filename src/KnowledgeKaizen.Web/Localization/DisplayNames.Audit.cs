using System.Text.RegularExpressions;

namespace KnowledgeKaizen.Web.Localization;

/// <summary>
/// The audit log's targets and details in the reader's language. An entry is stored once, in the words the recorder
/// writes (English, which the CSV export and the search keep); the phrases the portal itself composes — import
/// outcomes and summaries, sign-in refusals, roles, revisions, document kinds — are shown translated, and what people wrote
/// (titles, comments, file names) as written.
/// </summary>
public sealed partial class DisplayNames
{
    private static readonly Dictionary<string, string> SignInRefusals = new(StringComparer.Ordinal)
    {
        ["wrong password"] = "Wrong password",
        ["locked out"] = "Locked out",
        ["not allowed"] = "Not allowed to sign in",
        ["unknown account"] = "Unknown account",
    };

    public string AuditTarget(string target)
    {
        if (DocumentTarget().Match(target) is { Success: true } document && Enum.TryParse<DocumentKind>(document.Groups[1].Value, out var kind))
        {
            return $"{l[kind.ToString()]} #{document.Groups[2].Value} {document.Groups[3].Value}".TrimEnd();
        }

        if (NumberedTarget().Match(target) is { Success: true } numbered)
        {
            return $"{l[numbered.Groups[1].Value == "course" ? "Course" : "Document"]} #{numbered.Groups[2].Value}";
        }

        return Person(target);
    }

    public string AuditDetail(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            return string.Empty;
        }

        if (SignInRefusals.TryGetValue(detail, out var refusal))
        {
            return l[refusal];
        }

        var parts = detail.Split(", ");
        if (parts.All(CodeNames.Roles.ContainsKey))
        {
            return string.Join("、", parts.Select(Role));
        }

        if (RevisionDetail().Match(detail) is { Success: true } revision)
        {
            return l["Revision {0}", revision.Groups[1].Value] + (revision.Groups[2].Success ? ": " + revision.Groups[2].Value : string.Empty);
        }

        if (OutcomeDetail().Match(detail) is { Success: true } outcome && Enum.TryParse<ImportStatus>(outcome.Groups[1].Value, out var status))
        {
            var rest = outcome.Groups[2].Success ? ImportSummary(outcome.Groups[2].Value) : string.Empty;
            return rest.Length == 0 ? l[status.ToString()] : $"{l[status.ToString()]}: {rest}";
        }

        return detail;
    }

    /// <summary>The one-line summary an import writes (<see cref="ImportReport.Summary"/>), else why it stopped (<see cref="ImportMessage"/>).</summary>
    private string ImportSummary(string text)
    {
        var summary = ImportSummaryLine().Match(text);
        if (!summary.Success || !ImportKinds.TryParse(summary.Groups["kind"].Value, out var kind))
        {
            return ImportMessage(text);
        }

        var counts = l["{0} rows, {1} inserted, {2} updated, {3} unchanged, {4} rejected, {5} problems",
            summary.Groups["rows"].Value, summary.Groups["inserted"].Value, summary.Groups["updated"].Value,
            summary.Groups["unchanged"].Value, summary.Groups["rejected"].Value, summary.Groups["problems"].Value];
        var mapped = summary.Groups["filtered"].Success
            ? "; " + l["{0} left out by mapping {1}", summary.Groups["filtered"].Value, summary.Groups["mapping"].Value]
            : string.Empty;
        var applied = summary.Groups["applied"].Value switch
        {
            "applied" => l["applied"],
            "dry run, nothing applied" => l["dry run, nothing applied"],
            _ => l["nothing applied"],
        };
        return $"{ImportKindName(kind)}: {counts}{mapped} — {applied}";
    }

    [GeneratedRegex(@"^(Procedure|Playbook|Solution) #(\d+) ?(.*)$")]
    private static partial Regex DocumentTarget();

    [GeneratedRegex(@"^(course|document) #(\d+)$")]
    private static partial Regex NumberedTarget();

    [GeneratedRegex(@"^revision (\d+)(?:: (.*))?$", RegexOptions.Singleline)]
    private static partial Regex RevisionDetail();

    [GeneratedRegex(@"^([A-Z][A-Za-z]+)(?:: (.*))?$", RegexOptions.Singleline)]
    private static partial Regex OutcomeDetail();

    [GeneratedRegex(@"^(?<kind>[a-z-]+): (?<rows>\d+) rows, (?<inserted>\d+) inserted, (?<updated>\d+) updated, (?<unchanged>\d+) unchanged, (?<rejected>\d+) rejected, (?:(?<filtered>\d+) left out by mapping (?<mapping>.+), )?(?<problems>\d+) problems — (?<applied>applied|dry run, nothing applied|nothing applied)$")]
    private static partial Regex ImportSummaryLine();
}
