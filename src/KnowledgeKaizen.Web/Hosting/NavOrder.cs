namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// Where each menu entry stands in its group's menu, top to bottom, one value each (a test keeps them distinct). The
/// groups stand in the order of <see cref="NavGroup.All"/>; the hundreds keep each group's entries together.
/// </summary>
public static class NavOrder
{
    public const int Playbooks = 100;
    public const int Procedures = 110;
    public const int Solutions = 120;
    public const int Review = 130;
    public const int OverdueDocuments = 140;
    public const int TermMap = 150;
    public const int Courses = 200;
    public const int Improvement = 300;
    public const int Recognition = 310;
    public const int RecordFeedback = 320;
    public const int RecordServiceCase = 330;
    public const int Insights = 400;
    public const int PerformerFindings = 410;
    public const int SearchAnalytics = 420;
    public const int MyWork = 800;
    public const int MyTasks = 810;
    public const int Notifications = 820;
    public const int Users = 900;
    public const int Imports = 910;
    public const int ImportMappings = 912;
    public const int ContentLibrary = 915;
    public const int ApiTokens = 920;
    public const int SearchIndex = 925;
    public const int ExpectedOutcomeModel = 930;
    public const int Backups = 935;
    public const int Mail = 940;
    public const int AuditLog = 945;
}
