namespace KnowledgeKaizen.SeedGenerator.Service;

/// <summary>
/// Sentence pools for one case category in one language. Subjects and descriptions are parallel (problem i),
/// causes and actions are parallel, and a resolution is cause + action + follow-up for the problem's cause.
/// </summary>
internal sealed record CaseTextSet(
    string[] Subjects, string[] Descriptions, string[] Causes, string[] Actions, string[] FollowUps)
{
    /// <summary>Cause index for each problem, per category (same for both languages).</summary>
    public int CauseOf(int category, int problem) => CauseMap[category][problem];

    private static readonly int[][] CauseMap =
    [
        [2, 0, 1, 3, 3], [0, 1, 2, 0, 3], [0, 1, 2, 3, 0], [0, 1, 2, 1, 1],
        [0, 1, 2, 4, 3], [0, 1, 2, 3, 0], [0, 1, 1, 2, 3], [0, 1, 2, 3, 0],
    ];
}

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

    /// <summary>How the agent worked with the customer: the opening sentence of a resolution.</summary>
    public static readonly string[] ContactEnglish =
    [
        "Spoke with {contact} from the customer's team.", "Confirmed the details with {contact} by phone.",
        "Remote session with {contact} took about {minutes} minutes.", "{contact} sent screenshots that showed the problem.",
        "Reproduced the problem together with {contact}.", "Called {contact} back within the hour.",
    ];

    public static readonly string[] ContactChinese =
    [
        "与客户方的{contact_zh}沟通确认了问题。", "电话联系{contact_zh}核实了细节。", "与{contact_zh}进行了约{minutes}分钟的远程协助。",
        "{contact_zh}提供了截图，问题现象很清楚。", "和{contact_zh}一起复现了问题。", "一小时内回电给{contact_zh}。",
    ];

    public static CaseTextSet For(int category, bool chinese) => chinese ? Chinese[category] : English[category];
}
