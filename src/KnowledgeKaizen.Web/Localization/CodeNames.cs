namespace KnowledgeKaizen.Web.Localization;

/// <summary>
/// The English label (a localisation key) of every code the portal knows: CRM vocabularies (categories,
/// industries, lead sources, segments), the standard sales stages, roles and import kinds. A code the catalogue does
/// not know — a category a CRM invented — is shown humanised ("first_call" → "First call"), never raw.
/// </summary>
public static class CodeNames
{
    /// <summary>The six stages of the standard process, for stage tags when the CRM's stage table does not name them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Stages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["qualify"] = "Lead qualification",
        ["discover"] = "Discovery visit",
        ["propose"] = "Proposal",
        ["quote"] = "Quotation",
        ["negotiate"] = "Negotiation",
        ["close"] = "Contract and close",
    };

    /// <summary>Service-case and feedback categories (one vocabulary: "installation" is the same thing in both).</summary>
    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["account_access"] = "Account access",
        ["billing"] = "Billing",
        ["delivery"] = "Delivery",
        ["delivery_tracking"] = "Delivery tracking",
        ["fast_resolution"] = "Fast resolution",
        ["feature_request"] = "Feature request",
        ["good_training"] = "Good training",
        ["helpful_staff"] = "Helpful staff",
        ["installation"] = "Installation",
        ["integration"] = "Integration",
        ["invoice_error"] = "Invoice error",
        ["late_delivery"] = "Late delivery",
        ["performance"] = "System performance",
        ["portal_usability"] = "Portal usability",
        ["pricing"] = "Pricing",
        ["product_quality"] = "Product quality",
        ["product_setup"] = "Product setup",
        ["reliable_product"] = "Reliable product",
        ["reporting"] = "Reporting",
        ["slow_response"] = "Slow response",
        ["training"] = "Training",
    };

    public static readonly IReadOnlyDictionary<string, string> Industries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["manufacturing"] = "Manufacturing",
        ["retail"] = "Retail",
        ["technology"] = "Technology",
        ["logistics"] = "Logistics",
        ["education"] = "Education",
        ["finance"] = "Finance",
        ["healthcare"] = "Healthcare",
        ["government"] = "Government",
    };

    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["referral"] = "Referral",
        ["partner"] = "Partner",
        ["event"] = "Event",
        ["web"] = "Web",
        ["outbound"] = "Outbound",
    };

    public static readonly IReadOnlyDictionary<string, string> Roles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Core.Identity.Roles.Staff] = "Staff",
        [Core.Identity.Roles.Contributor] = "Contributor",
        [Core.Identity.Roles.Trainer] = "Trainer",
        [Core.Identity.Roles.KnowledgeManager] = "Knowledge manager",
        [Core.Identity.Roles.Admin] = "Administrator",
    };

    public static string ImportKindLabel(ImportKind kind) => kind switch
    {
        ImportKind.Stages => "Sales stages",
        ImportKind.Reps => "Reps",
        ImportKind.Customers => "Customers",
        ImportKind.Opportunities => "Opportunities",
        ImportKind.StageHistory => "Stage history",
        ImportKind.Activities => "Sales activities",
        ImportKind.ServiceCases => "Service cases",
        _ => "Customer feedback",
    };

    public static string ImportSourceLabel(ImportSource source) => source switch
    {
        ImportSource.Api => "API",
        ImportSource.CommandLine => "Command line",
        ImportSource.DemoData => "Demo data",
        _ => "Upload",
    };

    /// <summary>Every label above: each must have a Chinese translation (a test reads this).</summary>
    public static IEnumerable<string> AllLabels =>
        Stages.Values.Concat(Categories.Values).Concat(Industries.Values).Concat(Sources.Values).Concat(Roles.Values)
            .Concat(Enum.GetValues<ImportKind>().Select(ImportKindLabel)).Concat(Enum.GetValues<ImportSource>().Select(ImportSourceLabel));

    /// <summary>"late_delivery" → "Late delivery"; a code with upper-case letters or spaces is already a name and kept.</summary>
    public static string Humanise(string code)
    {
        var trimmed = code.Trim();
        if (trimmed.Length == 0 || trimmed.Any(c => char.IsUpper(c) || c == ' ') || !trimmed.Any(char.IsAsciiLetterLower))
        {
            return trimmed;
        }

        var words = trimmed.Replace('_', ' ').Replace('-', ' ');
        return char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }
}
