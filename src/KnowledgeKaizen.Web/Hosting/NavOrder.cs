namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// Where each menu entry stands, left to right (and top to bottom in a group's menu), one value each (a test keeps
/// them distinct). Top-level entries first, then the groups in the order of their first entry.
/// </summary>
public static class NavOrder
{
    public const int Home = 0;
    public const int Playbooks = 100;
    public const int Procedures = 110;
    public const int Solutions = 120;
    public const int Review = 130;
    public const int Courses = 150;
    public const int RecordFeedback = 400;
    public const int RecordServiceCase = 410;
    public const int Insights = 415;
    public const int SearchAnalytics = 420;
    public const int PerformerFindings = 425;
    public const int MyTasks = 440;
    public const int Improvement = 500;
    public const int Recognition = 510;
    public const int Users = 900;
    public const int Imports = 910;
    public const int ContentLibrary = 915;
    public const int ApiTokens = 920;
    public const int SearchIndex = 925;
    public const int ExpectedOutcomeModel = 930;
    public const int Backups = 935;
    public const int AuditLog = 940;
}
