namespace KnowledgeKaizen.SeedGenerator.Feedback;

/// <summary>A feedback category: its type, its texts and how staff handled it, in English and Chinese.</summary>
internal sealed record FeedbackCategory(
    string Code, string Type, string[] English, string[] Chinese, string[] HandlingEnglish, string[] HandlingChinese);

/// <summary>Feedback templates; complaint codes are the recurring themes documented in the README.</summary>
internal static partial class FeedbackTexts
{
    public static readonly string[] UnresolvedEnglish =
    [
        "Escalated to the regional manager; waiting for the logistics and finance teams to respond.",
        "Called the customer back twice without reaching the decision maker; case still open.",
        "Promised a written answer; the owning team has not replied yet.",
    ];

    public static readonly string[] UnresolvedChinese =
    [
        "已升级至区域经理，正在等待物流和财务部门回复。",
        "两次回电都没有联系上客户负责人，问题仍未解决。",
        "已承诺书面答复，相关部门尚未回复。",
    ];

    private static FeedbackCategory[]? _all;

    // Built on first use: the pools live in other partial files whose static initialisation order is not defined.
    public static IReadOnlyList<FeedbackCategory> All => _all ??= [.. Complaints, .. Praise, .. Suggestions];

    public static FeedbackCategory Get(string code) => All.First(c => c.Code == code);
}
