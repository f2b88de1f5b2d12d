namespace KnowledgeKaizen.Insights.Tests.Metrics;

/// <summary>Forecast accuracy = 1 − |revenue − forecast| ÷ forecast, at least 0: 100 % on target, lower for a miss either way.</summary>
public sealed class ForecastAccuracyTests
{
    [Theory]
    [InlineData(120_000, 120_000, 1.0)]
    [InlineData(120_000, 102_000, 0.85)] // 18,000 short of 120,000: 15 % off
    [InlineData(80_000, 92_000, 0.85)] // 12,000 over 80,000: also 15 % off, not "115 %"
    [InlineData(50_000, 5_000, 0.1)] // revenue a tenth of the forecast
    [InlineData(10_000, 35_000, 0.0)] // 250 % over: no accuracy left, never negative
    public void Accuracy_MeasuresTheMissEitherWay(double forecast, double revenue, double expected) =>
        Assert.Equal(expected, Kpis(forecast, revenue).ForecastAccuracy!.Value, 9);

    [Fact]
    public void Accuracy_WithoutAForecast_IsNotAFigure() => Assert.Null(Kpis(0, 7_500).ForecastAccuracy);

    private static SalesKpis Kpis(double forecast, double revenue) => new(0, 0, 0, 0, null, forecast, revenue, 0, 0, 0, 0, null);
}
