namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// Settings under "KnowledgeKaizen:RateLimits": how many writes one caller (a signed-in user or an API token) and one
/// address may make to each rate-limited endpoint per window. Reads are never limited. 0 turns a partition off.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "KnowledgeKaizen:RateLimits";

    /// <summary>Sign-in attempts. Per address only (the caller is not known yet; Identity locks an account after 5 failures).</summary>
    public RateLimit SignIn { get; set; } = new() { PerAddress = 100 };

    /// <summary>Invite acceptance and password links.</summary>
    public RateLimit InviteAcceptance { get; set; } = new() { PerAddress = 30 };

    /// <summary>The editor's Markdown preview.</summary>
    public RateLimit Preview { get; set; } = new() { PerUser = 120, PerAddress = 1200 };

    /// <summary>The import API.</summary>
    public RateLimit Import { get; set; } = new() { PerUser = 60, PerAddress = 120 };

    /// <summary>The feedback and service-case API.</summary>
    public RateLimit Frontline { get; set; } = new() { PerUser = 1200, PerAddress = 2400 };

    public RateLimit For(string name) => name switch
    {
        RateLimited.SignIn => SignIn,
        RateLimited.InviteAcceptance => InviteAcceptance,
        RateLimited.Preview => Preview,
        RateLimited.Import => Import,
        RateLimited.Frontline => Frontline,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such rate limit."),
    };
}

/// <summary>One endpoint's limits: writes per caller and per address within a fixed window.</summary>
public sealed class RateLimit
{
    public int PerUser { get; set; }

    public int PerAddress { get; set; }

    public int WindowSeconds { get; set; } = 60;
}
