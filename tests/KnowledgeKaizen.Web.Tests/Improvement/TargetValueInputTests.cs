using KnowledgeKaizen.Web.Improvement;

namespace KnowledgeKaizen.Web.Tests.Improvement;

/// <summary>A cycle's target as people type it: "78%", "78" and "0.78" are the same 78 % target; other units take numbers.</summary>
public sealed class TargetValueInputTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData("78%", "%", 78.0)]
    [InlineData(" 78 % ", "%", 78.0)]
    [InlineData("78％", "%", 78.0)]
    [InlineData("78", "%", 78.0)]
    [InlineData("0.78", "%", 78.0)]
    [InlineData("0.785", "%", 78.5)]
    [InlineData("1", "%", 1.0)]
    [InlineData("100%", "%", 100.0)]
    [InlineData("3.5 days", "days", 3.5)]
    [InlineData("0.5", "days", 0.5)]
    [InlineData("12", "h", 12.0)]
    [InlineData("4.2", "per 100", 4.2)]
    public void Target_IsReadInTheMetricsUnit(string typed, string unit, double expected)
    {
        var result = TargetValueInput.Parse(typed, unit, English);

        Assert.Null(result.Problem);
        Assert.Equal(expected, result.Value!.Value, 9);
    }

    [Theory]
    [InlineData("", "%", "Enter the target value.")]
    [InlineData("seventy", "%", "Enter the target as a number in {0}.")]
    [InlineData("150%", "%", "The target must be between 0 and 100 {0}.")]
    [InlineData("120", "per 100", "The target must be between 0 and 100 {0}.")]
    [InlineData("12%", "days", "This metric is not a percentage: enter a number in {0}.")]
    [InlineData("-2", "h", "The target cannot be negative.")]
    [InlineData("NaN", "h", "Enter the target as a number in {0}.")]
    public void UnreadableTarget_SaysWhatToEnter(string typed, string unit, string problem)
    {
        var result = TargetValueInput.Parse(typed, unit, English);

        Assert.Null(result.Value);
        Assert.Equal(problem, result.Problem);
    }
}
