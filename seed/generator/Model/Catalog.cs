namespace KnowledgeKaizen.SeedGenerator.Model;

/// <summary>A sales stage of the demo process, in order.</summary>
public sealed record StageDefinition(string Code, string Name, string NameZh, int Position);

/// <summary>The fixed vocabularies of the demo company and the ground-truth effect of each value.</summary>
public static class Catalog
{
    public static readonly IReadOnlyList<StageDefinition> Stages =
    [
        new("qualify", "Lead qualification", "线索确认", 1),
        new("discover", "Discovery visit", "需求调研", 2),
        new("propose", "Proposal", "方案建议", 3),
        new("quote", "Quotation", "报价", 4),
        new("negotiate", "Negotiation", "商务谈判", 5),
        new("close", "Contract and close", "签约成交", 6),
    ];

    public const int Qualify = 0;
    public const int Discover = 1;
    public const int Propose = 2;
    public const int Quote = 3;
    public const int Negotiate = 4;
    public const int Close = 5;

    public static readonly IReadOnlyList<string> Regions = ["East", "West", "North", "South"];

    /// <summary>Share of opportunities and customers per region.</summary>
    public static readonly IReadOnlyList<double> RegionWeights = [0.30, 0.25, 0.25, 0.20];

    /// <summary>Share of customers with Chinese names (who write Chinese) per region: about a third overall.</summary>
    public static readonly IReadOnlyList<double> RegionChineseShare = [0.55, 0.10, 0.65, 0.05];

    public static readonly IReadOnlyList<(string Code, double Weight, double Effect)> Industries =
    [
        ("manufacturing", 20, 0.0),
        ("retail", 14, 0.2),
        ("technology", 14, 0.15),
        ("logistics", 12, 0.0),
        ("education", 10, -0.1),
        ("finance", 10, -0.25),
        ("healthcare", 10, -0.35),
        ("government", 10, -0.6),
    ];

    public static readonly IReadOnlyList<(string Code, double Weight, double Effect)> Sources =
    [
        ("referral", 15, 0.5),
        ("partner", 15, 0.3),
        ("event", 15, 0.1),
        ("web", 25, 0.0),
        ("outbound", 30, -0.5),
    ];

    public static readonly IReadOnlyList<(string Code, double Weight)> Segments =
    [
        ("smb", 55), ("mid", 30), ("enterprise", 15),
    ];

    public static int IndexOf(IReadOnlyList<(string Code, double Weight, double Effect)> table, string code)
    {
        for (var i = 0; i < table.Count; i++)
        {
            if (table[i].Code == code)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown code.");
    }
}
