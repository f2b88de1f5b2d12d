namespace KnowledgeKaizen.Web.Pages.Playbooks;

[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(KnowledgeReader reader) : DocumentIndexModel(reader)
{
    public override DocumentKind Kind => DocumentKind.Playbook;
}
