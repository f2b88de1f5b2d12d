using System.Reflection;
using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeKaizen.Architecture.Tests;

/// <summary>Rules on what the modules register: named, distinct orders and a policy on every endpoint.</summary>
public sealed class CompositionRulesTests(ArchitecturePortal portal) : IClassFixture<ArchitecturePortal>
{
    [Fact]
    public void StartupOrders_AreNamed_WithDistinctValues() => AssertDistinct(typeof(StartupOrder));

    [Fact]
    public void NavOrders_AreNamed_WithDistinctValues() => AssertDistinct(typeof(NavOrder));

    [Fact]
    public void EveryStartupTask_TakesANamedOrder_OfItsOwn()
    {
        using var scope = portal.Services.CreateScope();
        var orders = scope.ServiceProvider.GetServices<IStartupTask>().Select(t => (t.GetType().Name, t.Order)).ToList();

        Assert.All(orders, t => Assert.Contains(t.Order, Values(typeof(StartupOrder))));
        Assert.Equal(orders.Count, orders.Select(t => t.Order).Distinct().Count());
    }

    [Fact]
    public void EveryMenuEntry_TakesANamedOrder_OfItsOwn()
    {
        var orders = portal.Services.GetServices<NavItem>().Select(i => i.Order).ToList();

        Assert.All(orders, o => Assert.Contains(o, Values(typeof(NavOrder))));
        Assert.Equal(orders.Count, orders.Distinct().Count());
    }

    [Fact]
    public void EveryEndpoint_NamesAPortalPolicy_OrIsExplicitlyAnonymous()
    {
        var endpoints = portal.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true);

        var unnamed = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().All(a => string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.DisplayName).ToList();
        Assert.True(unnamed.Count == 0, "Endpoints without a policy: " + string.Join(", ", unnamed));

        var known = Policies.RolesFor.Keys.Concat(PolicyNames()).ToHashSet(StringComparer.Ordinal);
        var unknown = endpoints.SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>()).Select(a => a.Policy)
            .OfType<string>().Where(p => !known.Contains(p)).Distinct().ToList();
        Assert.True(unknown.Count == 0, "Endpoints name policies nobody defines: " + string.Join(", ", unknown));
    }

    /// <summary>The portal's own cookie-or-token policies: the constants of its *Policies classes.</summary>
    private static IEnumerable<string> PolicyNames() => Portal.Web.GetTypes()
        .Where(t => t.Name.EndsWith("Policies", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static IReadOnlyList<int> Values(Type names) =>
        [.. names.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!)];

    private static void AssertDistinct(Type names)
    {
        var values = Values(names);
        Assert.NotEmpty(values);
        var twice = values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{names.Name} uses these values more than once: {string.Join(", ", twice)}");
    }
}
