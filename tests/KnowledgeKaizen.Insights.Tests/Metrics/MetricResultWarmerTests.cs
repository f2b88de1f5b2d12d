namespace KnowledgeKaizen.Insights.Tests.Metrics;

/// <summary>The warmer's pace: every interval while passes are quick, never more than half of one core when they are not.</summary>
public sealed class MetricResultWarmerTests
{
    [Theory]
    [InlineData(5, 0.2, 5)]
    [InlineData(5, 5, 5)]
    [InlineData(5, 12.5, 12.5)]
    [InlineData(1, 60, 60)]
    public void TheNextPass_WaitsTheIntervalOrAsLongAsTheLastPassTook(double everySeconds, double tookSeconds, double pauseSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(pauseSeconds),
            MetricResultWarmer.NextPause(TimeSpan.FromSeconds(everySeconds), TimeSpan.FromSeconds(tookSeconds)));
}
