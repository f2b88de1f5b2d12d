using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// Writes to the endpoints marked <see cref="RateLimited"/> count against two fixed windows at once: one per caller
/// (the signed-in user, or the API token) and one per client address (as the trusted proxy reports it). Over either
/// limit the answer is 429 with Retry-After (ProblemDetails for the API, the status page for pages).
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(limits.Value, l => l.PerUser, Caller),
                Partitioned(limits.Value, l => l.PerAddress, http => http.Connection.RemoteIpAddress?.ToString() ?? "unknown")));
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> Partitioned(RateLimitOptions limits, Func<RateLimit, int> permits, Func<HttpContext, string?> partition) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                || http.GetEndpoint()?.Metadata.GetMetadata<RateLimited>() is not { } marked)
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            var limit = limits.For(marked.Limit);
            var permitted = permits(limit);
            return permitted <= 0 || partition(http) is not { } key
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : RateLimitPartition.GetFixedWindowLimiter($"{marked.Limit}|{key}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitted,
                    Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                    QueueLimit = 0,
                });
        });

    /// <summary>The API token (a digest of it: the limiter runs before the token is looked up) or the signed-in user.</summary>
    private static string? Caller(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header[7..].Trim())), 0, 12);
        }

        return http.User.Identity?.IsAuthenticated == true ? "user:" + http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }
}
