using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace KnowledgeKaizen.Web.Localization;

/// <summary>
/// UI strings keyed by their English text; translations live in embedded JSON files
/// <c>Resources/{culture}/{module}.json</c>, one per module, so each feature owns its strings and adding a
/// page never means editing a shared resource file.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> translations;

    public JsonStringLocalizerFactory()
        : this(typeof(JsonStringLocalizerFactory).Assembly)
    {
    }

    internal JsonStringLocalizerFactory(Assembly assembly)
    {
        translations = Load(assembly);
    }

    /// <summary>Cultures with a translation, besides English.</summary>
    public IEnumerable<string> TranslatedCultures => translations.Keys;

    public IStringLocalizer Create(Type resourceSource) => new JsonStringLocalizer(this);

    public IStringLocalizer Create(string baseName, string location) => new JsonStringLocalizer(this);

    /// <summary>The translation for the current UI culture or its parents; null means show the English key.</summary>
    internal string? Translate(string key)
    {
        for (var culture = CultureInfo.CurrentUICulture; !string.IsNullOrEmpty(culture.Name); culture = culture.Parent)
        {
            if (translations.TryGetValue(culture.Name, out var table) && table.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    internal IEnumerable<KeyValuePair<string, string>> All(CultureInfo culture) =>
        translations.TryGetValue(culture.Name, out var table) ? table : [];

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load(Assembly assembly)
    {
        // Embedded names look like "i18n/zh-Hans/portal.json" (see the csproj's LogicalName).
        const string prefix = "i18n/";
        var byCulture = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal).Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var rest = name[prefix.Length..];
            var culture = rest[..rest.IndexOfAny(['/', '\\'])];
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidDataException($"Empty translation file {name}.");
            var table = byCulture.TryGetValue(culture, out var existing) ? existing : byCulture[culture] = new(StringComparer.Ordinal);
            foreach (var (key, value) in entries)
            {
                // Files load in name order and the first translation wins; a test keeps modules from
                // translating the same English text two ways.
                table.TryAdd(key, value);
            }
        }

        return byCulture.ToFrozenDictionary(c => c.Key, c => c.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
    }
}

internal sealed class JsonStringLocalizer(JsonStringLocalizerFactory factory) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = factory.Translate(name);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, arguments), template.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        factory.All(CultureInfo.CurrentUICulture).Select(kv => new LocalizedString(kv.Key, kv.Value));
}
