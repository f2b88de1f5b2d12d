namespace KnowledgeKaizen.Web.Pages;

/// <summary>Friendly page for 403, 404 and other status codes without a body.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
