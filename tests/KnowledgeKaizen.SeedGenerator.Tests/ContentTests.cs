namespace KnowledgeKaizen.SeedGenerator.Tests;

public class ContentTests
{
    private static readonly string Folder = SeedFixture.Generate(SeedFixture.Small() with { ServiceCases = 1_000, FeedbackItems = 1_500 });

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [Fact]
    public void AboutAThirdOfCaseAndFeedbackTexts_AreChinese()
    {
        var texts = SeedFixture.Read(Folder, "service-cases.csv").Select(c => c["description"])
            .Concat(SeedFixture.Read(Folder, "feedback.csv").Select(f => f["text"]))
            .ToList();
        var share = texts.Count(HasChinese) / (double)texts.Count;

        Assert.InRange(share, 0.22, 0.45);
    }

    [Fact]
    public void ResolutionTexts_AreVaried()
    {
        var resolutions = SeedFixture.Read(Folder, "service-cases.csv").Select(c => c["resolution"]).Where(r => r != "").ToList();

        Assert.True(resolutions.Distinct().Count() > resolutions.Count / 2, "resolutions repeat too often");
    }

    [Fact]
    public void SpikingTheme_HasMoreComplaintsPerMonthDuringTheSpike()
    {
        var options = new DemoDataOptions();
        var folder = SeedFixture.Generate(SeedFixture.Small() with { ServiceCases = 200, FeedbackItems = 3_000 });
        var late = SeedFixture.Read(folder, "feedback.csv").Where(f => f["category"] == options.SpikeTheme)
            .GroupBy(f => SeedFixture.Instant(f["received_at"]) is var t && t >= options.SpikeStart.ToDateTime(TimeOnly.MinValue)
                && t < options.SpikeStart.AddMonths(options.SpikeMonths).ToDateTime(TimeOnly.MinValue))
            .ToDictionary(g => g.Key, g => g.Count());
        var perMonthInSpike = late[true] / (double)options.SpikeMonths;
        var perMonthOtherwise = late[false] / (double)(options.Months - options.SpikeMonths);

        Assert.True(perMonthInSpike > 1.8 * perMonthOtherwise, $"{perMonthInSpike:F1} vs {perMonthOtherwise:F1} per month");
    }
}
