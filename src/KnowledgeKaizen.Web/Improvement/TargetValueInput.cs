namespace KnowledgeKaizen.Web.Improvement;

/// <summary>
/// Reads a cycle's target as a person types it, in the metric's unit. For a percentage, "78", "78%", "78 %" and
/// "0.78" all mean 78 % (a plain number below 1 is read as a share); other units take a number, optionally followed by
/// the unit ("3.5 days"). The value is kept in the unit the page shows (78 for 78 %).
/// </summary>
public static class TargetValueInput
{
    public static TargetValueResult Parse(string? text, string unit, CultureInfo culture)
    {
        var value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            return TargetValueResult.Fail("Enter the target value.");
        }

        var percent = unit == "%";
        var hadPercentSign = false;
        if (value.EndsWith('%') || value.EndsWith('％'))
        {
            hadPercentSign = true;
            value = value[..^1].TrimEnd();
        }
        else if (unit.Length > 0 && value.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
        {
            value = value[..^unit.Length].TrimEnd();
        }

        if (hadPercentSign && !percent)
        {
            return TargetValueResult.Fail("This metric is not a percentage: enter a number in {0}.");
        }

        if (!double.TryParse(value, NumberStyles.Float, culture, out var number) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            || !double.IsFinite(number))
        {
            return TargetValueResult.Fail("Enter the target as a number in {0}.");
        }

        if (percent && !hadPercentSign && number > 0 && number < 1)
        {
            number *= 100;
        }

        if (number < 0 || (percent || unit == "per 100") && number > 100)
        {
            return TargetValueResult.Fail(percent || unit == "per 100" ? "The target must be between 0 and 100 {0}." : "The target cannot be negative.");
        }

        return new TargetValueResult(Math.Round(number, 6), null);
    }
}

/// <summary>The value read, or the problem (a localisation key; {0} is the unit).</summary>
public sealed record TargetValueResult(double? Value, string? Problem)
{
    public static TargetValueResult Fail(string problem) => new(null, problem);
}
