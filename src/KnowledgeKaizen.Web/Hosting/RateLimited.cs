namespace KnowledgeKaizen.Web.Hosting;

/// <summary>Marks a page or endpoint whose writes count against the named limit of <see cref="RateLimitOptions"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RateLimited(string limit) : Attribute
{
    public const string SignIn = "sign-in";
    public const string InviteAcceptance = "invite-acceptance";
    public const string Preview = "preview";
    public const string Import = "import";
    public const string Frontline = "frontline";

    public string Limit { get; } = limit;
}
