namespace KnowledgeKaizen.Lexicon;

/// <summary>Reads the generated tables embedded from <c>Data/</c> (see its README for their source and licence).</summary>
internal static class TextResources
{
    /// <summary>The lines of a table, split at spaces: the first field and the rest.</summary>
    public static IEnumerable<(string Key, string[] Values)> Lines(string name)
    {
        using var stream = typeof(TextResources).Assembly.GetManifestResourceStream("lexicon." + name)
            ?? throw new InvalidOperationException($"The embedded table '{name}' is missing from {typeof(TextResources).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2)
            {
                yield return (fields[0], fields[1..]);
            }
        }
    }
}
