using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeKaizen.Insights.Tests.Metrics;

/// <summary>
/// Results as JSON with doubles to 10 significant digits: the stored aggregates add money and durations in
/// another order than SQLite does, which may differ in the last bits but never in a shown digit.
/// </summary>
internal static class MetricResultsJson
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new Rounded() } };

    public static string Of(object result) => JsonSerializer.Serialize(result, result.GetType(), Options);

    private sealed class Rounded : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("G10", CultureInfo.InvariantCulture));
    }
}
