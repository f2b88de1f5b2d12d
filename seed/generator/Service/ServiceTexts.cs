namespace KnowledgeKaizen.SeedGenerator.Service;

/// <summary>Sentence pools for one case category in one language; a resolution is cause + action + follow-up.</summary>
internal sealed record CaseTextSet(
    string[] Subjects, string[] Descriptions, string[] Causes, string[] Actions, string[] FollowUps);

/// <summary>Templates for service-case texts. Placeholders in braces are filled by <see cref="TextFiller"/>.</summary>
internal static partial class ServiceTexts
{
    public static readonly string[] Categories =
    [
        "product_setup", "billing", "delivery", "integration", "account_access", "performance", "installation", "training",
    ];

    /// <summary>Typical hours to resolve a normal-priority case, per category.</summary>
    public static readonly double[] ResolutionHours = [24, 30, 60, 96, 5, 72, 72, 40];

    public static readonly double[] CategoryWeights = [16, 16, 14, 10, 14, 10, 12, 8];

    public static CaseTextSet For(int category, bool chinese) => chinese ? Chinese[category] : English[category];
}
