namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>A table that scrolls sideways can be scrolled by keyboard on every page, not only where a page remembered it.</summary>
public sealed partial class ScrollBoxTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Audit")]
    [InlineData("/Insights/Definitions")]
    public async Task EveryScrollingTable_IsATabStop(string url)
    {
        var client = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var html = await client.GetStringAsync(url);
        var boxes = ScrollBox().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, box => Assert.Contains("tabindex=\"0\"", box, StringComparison.Ordinal));
    }

    [GeneratedRegex("<div[^>]*class=\"table-responsive[^>]*>")]
    private static partial Regex ScrollBox();
}
