using KnowledgeKaizen.Web.Insights;

namespace KnowledgeKaizen.Web.Tests.Insights;

/// <summary>The "Change" column: whole counts, percentage points for percentages, never "-0.0", coloured by what is good.</summary>
public sealed class ChangeCellTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    // 8 complaints this period against 100 before: 92 fewer, shown whole, and fewer complaints is better.
    [InlineData(8.0, 100.0, CellFormat.Count, false, "−92", CellTone.Better)]
    // 31.25 % against 28.75 %: up 2.5 points (not "+8.7 %"), an improvement when higher is better.
    [InlineData(0.3125, 0.2875, CellFormat.Percent, true, "+2.5 pp", CellTone.Better)]
    // 41.234 % against 41.251 %: −0.017 points rounds to nothing — "0 pp", no colour, never "-0.0".
    [InlineData(0.41234, 0.41251, CellFormat.Percent, true, "0 pp", CellTone.None)]
    // A cycle of 30.25 days against 32.5: 2.25 days shorter, rounded half away from zero to 2.3, shorter is better.
    [InlineData(30.25, 32.5, CellFormat.Days, false, "−2.3", CellTone.Better)]
    // Revenue 1,234.5 against 0: +1,235, whole money; a forecast has no good direction.
    [InlineData(1234.5, 0.0, CellFormat.Money, null, "+1,235", CellTone.None)]
    // Contacts per opportunity 2.5 against 1.25: +1.25 with two decimals; more visits are worse here by choice of the test.
    [InlineData(2.5, 1.25, CellFormat.Decimal, false, "+1.25", CellTone.Worse)]
    public void Change_IsShownInTheMetricsUnit_AndColouredByWhatIsGood(double current, double previous, CellFormat format, bool? higherIsBetter,
        string shown, CellTone tone)
    {
        var cell = MetricValue.Change(current, previous, format, higherIsBetter);

        Assert.Equal(shown, cell.Display(English));
        Assert.Equal(tone, cell.Tone);
        Assert.Equal(current - previous, cell.Number!.Value, 9);
    }

    [Fact]
    public void Change_InChinese_SaysPercentagePointsInChinese()
    {
        var cell = MetricValue.Change(0.25, 0.30, CellFormat.Percent, true);

        Assert.Equal("−5.0 个百分点", cell.Display(CultureInfo.GetCultureInfo("zh-Hans"), "个百分点"));
        Assert.Equal(CellTone.Worse, cell.Tone);
    }

    [Fact]
    public void Change_WithoutAPreviousValue_IsADash() =>
        Assert.Equal("—", MetricValue.Change(12, null, CellFormat.Count, true).Display(English));
}
