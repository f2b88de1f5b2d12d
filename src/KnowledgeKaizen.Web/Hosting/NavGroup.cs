namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// The menus of the top bar, named after what people do there (English text, translated when shown), and
/// <see cref="Me"/>: the entries of the user menu.
/// </summary>
public static class NavGroup
{
    public const string Knowledge = "Knowledge";
    public const string Learn = "Learn";
    public const string Improve = "Improve";
    public const string Insights = "Insights";
    public const string Admin = "Admin";
    public const string Me = "Me";

    /// <summary>The top bar's menus, left to right.</summary>
    public static readonly IReadOnlyList<string> All = [Knowledge, Learn, Improve, Insights, Admin];

    public static string Icon(string group) => group switch
    {
        Knowledge => "journal-text",
        Learn => "mortarboard",
        Improve => "arrow-repeat",
        Insights => "bar-chart-line",
        Admin => "gear",
        _ => "person-circle",
    };
}
