using System.Text.Json.Nodes;

namespace KnowledgeKaizen.Web.Tests.Data;

/// <summary>
/// Compares results from the two databases as JSON trees: every field must match, numbers to seven significant digits
/// (or 1e-7 absolute for small ones). SQLite computes durations from Julian day numbers (about 2.46 million, so a double
/// resolves them to some 50 µs) and PostgreSQL from epoch seconds: they differ in the last digits of an hour, never in
/// a figure anyone reads.
/// </summary>
internal static class SameFigures
{
    private const double Tolerance = 1e-7;

    public static void Assert(object expected, object actual, string what)
    {
        var differences = new List<string>();
        Compare(JsonSerializer.SerializeToNode(expected), JsonSerializer.SerializeToNode(actual), what, differences);
        Xunit.Assert.True(differences.Count == 0, $"{differences.Count} differences, first: " + string.Join("\n", differences.Take(10)));
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case null when actual is null:
                return;
            case JsonObject left when actual is JsonObject right:
                foreach (var name in left.Select(p => p.Key).Union(right.Select(p => p.Key)))
                {
                    Compare(left[name], right[name], $"{path}.{name}", differences);
                }

                return;
            case JsonArray left when actual is JsonArray right:
                if (left.Count != right.Count)
                {
                    differences.Add($"{path}: {left.Count} items on SQLite, {right.Count} on PostgreSQL");
                    return;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    Compare(left[i], right[i], $"{path}[{i}]", differences);
                }

                return;
            case JsonValue left when actual is JsonValue right
                && left.GetValueKind() == JsonValueKind.Number && right.GetValueKind() == JsonValueKind.Number:
                var (a, b) = (left.GetValue<double>(), right.GetValue<double>());
                if (Math.Abs(a - b) > Tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b))))
                {
                    differences.Add($"{path}: {a} on SQLite, {b} on PostgreSQL");
                }

                return;
            default:
                if (expected?.ToJsonString() != actual?.ToJsonString())
                {
                    differences.Add($"{path}: {expected?.ToJsonString()} on SQLite, {actual?.ToJsonString()} on PostgreSQL");
                }

                return;
        }
    }
}
