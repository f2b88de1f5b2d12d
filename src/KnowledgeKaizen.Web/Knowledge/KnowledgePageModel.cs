namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>Knowledge pages: their actions report refusals under <see cref="ErrorKey"/>, and act as the signed-in <see cref="Actor"/>.</summary>
public abstract class KnowledgePageModel(IStringLocalizer<SharedResource> l) : RulePageModel(l, ErrorKey)
{
    public const string ErrorKey = "KnowledgeError";

    protected Actor Actor => User.ToActor();
}
