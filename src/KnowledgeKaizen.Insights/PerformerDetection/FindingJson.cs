using System.Text.Json.Serialization;

namespace KnowledgeKaizen.Insights.PerformerDetection;

/// <summary>JSON settings for the engine's records stored in snapshots (NaN is a legal value there).</summary>
public static class FindingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The same, indented, for people to read.</summary>
    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
