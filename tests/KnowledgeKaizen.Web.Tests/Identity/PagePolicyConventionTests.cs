using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeKaizen.Web.Tests.Identity;

public sealed class PagePolicyConventionTests
{
    [Fact]
    public void EveryPageModel_NamesAPolicyOrIsExplicitlyAnonymous()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(pages);
        var unnamed = pages.Where(t =>
                t.GetCustomAttribute<AllowAnonymousAttribute>() is null &&
                t.GetCustomAttributes<AuthorizeAttribute>().All(a => string.IsNullOrEmpty(a.Policy)))
            .Select(t => t.FullName).ToList();
        Assert.Empty(unnamed);
    }

    [Fact]
    public void EveryNamedPolicy_IsAKnownPortalPolicy()
    {
        var used = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<AuthorizeAttribute>()).Select(a => a.Policy).OfType<string>().Distinct();
        Assert.All(used, p => Assert.Contains(p, Policies.RolesFor.Keys));
    }
}
