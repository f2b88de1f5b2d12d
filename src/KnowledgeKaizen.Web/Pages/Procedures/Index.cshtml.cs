namespace KnowledgeKaizen.Web.Pages.Procedures;

[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(KnowledgeReader reader) : DocumentIndexModel(reader)
{
    public override DocumentKind Kind => DocumentKind.Procedure;
}
