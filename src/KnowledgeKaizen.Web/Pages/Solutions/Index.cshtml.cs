namespace KnowledgeKaizen.Web.Pages.Solutions;

[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(KnowledgeReader reader) : DocumentIndexModel(reader)
{
    public override DocumentKind Kind => DocumentKind.Solution;
}
