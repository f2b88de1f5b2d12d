namespace KnowledgeKaizen.Web.Pages.Insights;

/// <summary>Each metric's numerator, denominator and time rule, in English and Chinese, and who sees what.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class DefinitionsModel : PageModel
{
    public IReadOnlyList<MetricDefinition> Definitions => MetricDefinitions.All;

    public void OnGet()
    {
    }
}
