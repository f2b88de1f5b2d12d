using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeKaizen.Core.Knowledge.Content;

/// <summary>
/// One Markdown file of the content/ library: YAML front matter (keys per kind, see content/README.md)
/// and the body. Parsing reports what is wrong with a file; writing produces the same layout the
/// shipped files use, so export followed by import is lossless.
/// </summary>
public sealed record ContentFile
{
    public required DocumentKind Kind { get; init; }

    public required string Slug { get; init; }

    public required string Language { get; init; }

    public required string Title { get; init; }

    public required DocumentMetadata Metadata { get; init; }

    /// <summary>Playbooks: the author's e-mail.</summary>
    public string? Author { get; init; }

    /// <summary>Procedures: the date the revision takes effect.</summary>
    public DateOnly? Effective { get; init; }

    public required string Body { get; init; }

    /// <summary>Relative path inside content/: "procedures/discovery-visit.en.md".</summary>
    public string RelativePath => $"{Kind.Code()}s/{Slug}.{Language}.md";

    /// <summary>Parses a file; throws <see cref="FormatException"/> naming the problem.</summary>
    public static ContentFile Parse(string relativePath, string text)
    {
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new FormatException("the file does not start with '---' front matter");
        }

        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new FormatException("the front matter is not closed by a '---' line");
        }

        var fields = ReadYaml(text[4..(end + 1)]);
        var body = text[(end + 5)..].TrimStart('\n');
        var folderKind = DocumentKinds.Parse(Path.GetFileName(Path.GetDirectoryName(relativePath)));
        var name = Path.GetFileNameWithoutExtension(relativePath);
        var dot = name.LastIndexOf('.');
        if (dot <= 0)
        {
            throw new FormatException("the file name must be <slug>.<language>.md");
        }

        var kind = DocumentKinds.Parse(Required(fields, "kind")) ?? throw new FormatException("kind must be procedure, playbook or solution");
        if (folderKind is not null && folderKind != kind)
        {
            throw new FormatException($"kind '{kind.Code()}' does not match the folder");
        }

        var slug = Required(fields, "slug");
        var language = Required(fields, "language");
        if (slug != name[..dot] || language != name[(dot + 1)..])
        {
            throw new FormatException("slug and language must match the file name");
        }

        var metadata = new DocumentMetadata
        {
            Summary = Optional(fields, "summary") ?? string.Empty,
            Tags = List(fields, "tags"),
            Stages = List(fields, "stages"),
            Owner = kind == DocumentKind.Procedure ? Required(fields, "owner") : null,
            ReviewIntervalDays = kind == DocumentKind.Procedure ? Int(fields, "review_interval_days") : KnowledgeDocument.DefaultReviewIntervalDays,
            Improves = kind == DocumentKind.Playbook ? List(fields, "improves") : [],
            Issue = kind == DocumentKind.Solution ? Required(fields, "issue") : null,
            Environment = kind == DocumentKind.Solution ? Optional(fields, "environment") : null,
            Cause = kind == DocumentKind.Solution ? Optional(fields, "cause") : null,
        };
        var bad = metadata.Improves.FirstOrDefault(i => !i.Contains('#', StringComparison.Ordinal));
        if (bad is not null)
        {
            throw new FormatException($"improves target '{bad}' is not procedure-slug#step-N");
        }

        return new ContentFile
        {
            Kind = kind,
            Slug = slug,
            Language = language,
            Title = Required(fields, "title"),
            Metadata = metadata,
            Author = kind == DocumentKind.Playbook ? Required(fields, "author") : null,
            Effective = kind == DocumentKind.Procedure ? Date(fields, "effective") : null,
            Body = body,
        };
    }

    /// <summary>The file text: front matter with the keys of the kind, in README order, then the body.</summary>
    public string Write()
    {
        var yaml = new StringBuilder("---\n");
        void Line(string key, string value) => yaml.Append(key).Append(": ").Append(value).Append('\n');
        Line("kind", Kind.Code());
        Line("slug", Slug);
        Line("language", Language);
        Line("title", Scalar(Title));
        Line("summary", Scalar(Metadata.Summary));
        switch (Kind)
        {
            case DocumentKind.Procedure:
                Line("owner", Scalar(Metadata.Owner ?? string.Empty));
                Line("effective", (Effective ?? throw new InvalidOperationException("A procedure file needs its effective date.")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Line("review_interval_days", Metadata.ReviewIntervalDays.ToString(CultureInfo.InvariantCulture));
                Line("stages", FlowList(Metadata.Stages));
                Line("tags", FlowList(Metadata.Tags));
                break;
            case DocumentKind.Playbook:
                Line("author", Scalar(Author ?? string.Empty));
                Line("stages", FlowList(Metadata.Stages));
                Line("tags", FlowList(Metadata.Tags));
                Line("improves", FlowList(Metadata.Improves));
                break;
            case DocumentKind.Solution:
                Line("issue", Quoted(Metadata.Issue ?? string.Empty));
                Line("environment", Scalar(Metadata.Environment ?? string.Empty));
                Line("cause", Scalar(Metadata.Cause ?? string.Empty));
                Line("tags", FlowList(Metadata.Tags));
                break;
        }

        yaml.Append("---\n\n").Append(Body.Replace("\r\n", "\n"));
        return yaml.ToString();
    }

    private static Dictionary<string, YamlNode> ReadYaml(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                throw new FormatException("the front matter is not a list of key: value lines");
            }

            return map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? string.Empty, p => p.Value, StringComparer.Ordinal);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"invalid YAML front matter (line {ex.Start.Line}): {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    private static string Required(Dictionary<string, YamlNode> fields, string key) =>
        Optional(fields, key) is { Length: > 0 } value ? value : throw new FormatException($"'{key}' is missing");

    private static string? Optional(Dictionary<string, YamlNode> fields, string key) => fields.TryGetValue(key, out var node)
        ? node is YamlScalarNode scalar ? scalar.Value?.Trim() : throw new FormatException($"'{key}' must be a single value")
        : null;

    private static IReadOnlyList<string> List(Dictionary<string, YamlNode> fields, string key) => fields.TryGetValue(key, out var node)
        ? node is YamlSequenceNode sequence
            ? [.. sequence.Children.Select(c => (c as YamlScalarNode)?.Value?.Trim() ?? throw new FormatException($"'{key}' must be a list of values"))]
            : throw new FormatException($"'{key}' must be a list like [a, b]")
        : [];

    private static int Int(Dictionary<string, YamlNode> fields, string key) =>
        int.TryParse(Required(fields, key), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"'{key}' must be a positive whole number");

    private static DateOnly Date(Dictionary<string, YamlNode> fields, string key) =>
        DateOnly.TryParseExact(Required(fields, key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new FormatException($"'{key}' must be a date YYYY-MM-DD");

    /// <summary>Plain when YAML would read it back unchanged, double-quoted otherwise.</summary>
    private static string Scalar(string value) => NeedsQuotes(value) ? Quoted(value) : value;

    private static string FlowList(IEnumerable<string> items) =>
        "[" + string.Join(", ", items.Select(i => NeedsQuotes(i) || i.IndexOfAny([',', '[', ']', '{', '}']) >= 0 ? Quoted(i) : i)) + "]";

    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static bool NeedsQuotes(string value) =>
        value.Length == 0 || value != value.Trim() || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)
        || value.EndsWith(':') || "\"'[]{}#&*!|>%@`,?-:".Contains(value[0], StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)
        || value.Contains('\\', StringComparison.Ordinal) || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || value.ToLowerInvariant() is "true" or "false" or "null" or "yes" or "no" or "on" or "off" or "~";
}
