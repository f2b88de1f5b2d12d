namespace KnowledgeKaizen.Web.Tests.Knowledge;

/// <summary>
/// The shipped library on a fresh install: nothing is overdue on the first day, however old its effective dates; once
/// the review interval has passed, procedures show up on the overdue list until a manager verifies them.
/// </summary>
public sealed partial class VerificationTests(VerificationTests.Portal factory) : IClassFixture<VerificationTests.Portal>
{
    /// <summary>Installed on 2027-03-01, well after the shipped procedures took effect (2026-01-05).</summary>
    public sealed class Portal : PortalFactory
    {
        public ManualClock Today { get; } = new(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));

        protected override TimeProvider? Clock => Today;
    }

    [Fact]
    public async Task NothingShipped_IsOverdueOnTheFirstDay_AndProceduresComeDueAfterTheirReviewInterval()
    {
        await factory.EnsureUserAsync("km@verify.test", Roles.KnowledgeManager);
        var manager = await factory.SignInAsync("km@verify.test", PortalFactory.UserPassword);

        var firstDay = await manager.GetStringAsync("/Knowledge/Overdue");
        factory.Today.Now = factory.Today.Now.AddDays(181);
        manager = await factory.SignInAsync("km@verify.test", PortalFactory.UserPassword);
        var later = await manager.GetStringAsync("/Knowledge/Overdue");
        var id = IdOf(later, "Complaint handling");
        await KnowledgeClient.ActAsync(manager, id, "Verify");
        var afterVerifying = await manager.GetStringAsync("/Knowledge/Overdue");

        Assert.DoesNotMatch("href=\"/Knowledge/Details/\\d+\"", firstDay);
        // 181 days on, every shipped document (180-day interval) is due: the list holds the whole library.
        var shipped = Directory.GetFiles(RepoPaths.Content, "*.md", SearchOption.AllDirectories).Count(f => Path.GetDirectoryName(f) != RepoPaths.Content);
        Assert.Equal(shipped, DetailLink().Matches(later).Select(m => m.Value).Distinct().Count());
        Assert.DoesNotContain($"href=\"/Knowledge/Details/{id}\"", afterVerifying, StringComparison.Ordinal);
    }

    private static int IdOf(string html, string title)
    {
        var match = Regex.Match(html, $"href=\"/Knowledge/Details/(\\d+)\"[^>]*>(?:\\s|<[^>]+>)*{Regex.Escape(title)}<");
        Assert.True(match.Success, $"'{title}' is not listed");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("href=\"/Knowledge/Details/\\d+\"")]
    private static partial Regex DetailLink();
}
