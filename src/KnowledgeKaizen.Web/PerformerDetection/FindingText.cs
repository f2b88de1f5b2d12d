namespace KnowledgeKaizen.Web.PerformerDetection;

/// <summary>English display text (a localisation key) and badge colour of classes and request states.</summary>
public static class FindingText
{
    public static string Of(FindingClass value) => value switch
    {
        FindingClass.Standout => "Standout",
        FindingClass.Promising => "Promising",
        FindingClass.Typical => "Typical",
        FindingClass.NeedsCoaching => "Needs coaching",
        _ => "Insufficient data",
    };

    public static string Of(CaptureRequestStatus value) => value switch
    {
        CaptureRequestStatus.Open => "Requested",
        CaptureRequestStatus.Drafted => "Drafting",
        CaptureRequestStatus.Published => "Published",
        _ => "Declined",
    };

    public static string Badge(FindingClass value) => value switch
    {
        FindingClass.Standout => "text-bg-success",
        FindingClass.Promising => "text-bg-info",
        FindingClass.NeedsCoaching => "text-bg-warning",
        FindingClass.Typical => "text-bg-light border",
        _ => "text-bg-secondary",
    };
}
