using System.Net;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// Settings under "KnowledgeKaizen:Proxy": the reverse proxies (nginx, a load balancer) whose X-Forwarded-For and
/// X-Forwarded-Proto headers the portal believes. From anyone else those headers are ignored, so a client cannot claim
/// to have come over TLS or from another address. None configured: the portal is reached directly.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "KnowledgeKaizen:Proxy";

    /// <summary>Addresses of the proxies, e.g. ["10.0.0.5"].</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, e.g. ["10.0.0.0/24"].</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies stand in a row in front of the portal (each adds one X-Forwarded-For entry).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>The first entry that is not an address or network, or null when all are.</summary>
    public string? FindProblem() =>
        KnownProxies.FirstOrDefault(p => !IPAddress.TryParse(p, out _)) is { } proxy ? $"{Section}:KnownProxies: '{proxy}' is not an IP address"
        : KnownNetworks.FirstOrDefault(n => !IPNetwork.TryParse(n, out _)) is { } network ? $"{Section}:KnownNetworks: '{network}' is not a network such as 10.0.0.0/24"
        : ForwardLimit < 1 ? $"{Section}:ForwardLimit must be at least 1"
        : null;
}
