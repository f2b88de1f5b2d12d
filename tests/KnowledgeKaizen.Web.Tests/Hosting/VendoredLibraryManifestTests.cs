namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>wwwroot/lib/manifest.json names every vendored library, its version, licence and files — and only those.</summary>
public sealed class VendoredLibraryManifestTests
{
    private static readonly string LibFolder = Path.Combine(RepoPaths.WebProject, "wwwroot", "lib");

    [Fact]
    public void EveryLibraryFolder_IsInTheManifest_AndEveryEntryHasItsFolder()
    {
        var listed = ReadManifest().Select(l => l.Folder).ToList();
        var folders = new DirectoryInfo(LibFolder).GetDirectories().Select(d => d.Name).ToList();

        Assert.Empty(folders.Except(listed, StringComparer.Ordinal));
        Assert.Empty(listed.Except(folders, StringComparer.Ordinal));
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryLibrary_HasItsLicenceFile_AndExactlyTheListedFiles()
    {
        var problems = new List<string>();
        foreach (var library in ReadManifest().Where(l => Directory.Exists(Path.Combine(LibFolder, l.Folder))))
        {
            var root = Path.Combine(LibFolder, library.Folder);
            var expected = library.Files.Select(f => f.To).Append(library.LicenseFile).ToHashSet(StringComparer.Ordinal);
            var present = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .ToHashSet(StringComparer.Ordinal);

            problems.AddRange(expected.Except(present).Select(f => $"{library.Folder}: '{f}' is listed but missing"));
            problems.AddRange(present.Except(expected).Select(f => $"{library.Folder}: '{f}' is not in the manifest"));
            if (string.IsNullOrWhiteSpace(library.Version) || string.IsNullOrWhiteSpace(library.License) || string.IsNullOrWhiteSpace(library.Package))
            {
                problems.Add($"{library.Folder}: package, version and licence are required");
            }
        }

        Assert.Empty(problems);
    }

    /// <summary>Catches a file replaced by another release without the manifest following: the version is printed in the code.</summary>
    [Fact]
    public void EveryLibrary_NamesTheVersionItsCodeCarries()
    {
        var stale = ReadManifest()
            .Where(l => !l.Files
                .Select(f => Path.Combine(LibFolder, l.Folder, f.To))
                .Where(f => File.Exists(f) && (f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal)))
                .Any(f => File.ReadAllText(f).Contains(l.Version, StringComparison.Ordinal)))
            .Select(l => $"{l.Folder} {l.Version}")
            .ToList();

        Assert.Empty(stale);
    }

    private static IReadOnlyList<VendoredLibrary> ReadManifest()
    {
        var json = File.ReadAllText(Path.Combine(LibFolder, "manifest.json"));
        var manifest = JsonSerializer.Deserialize<Manifest>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return manifest.Libraries;
    }

    private sealed record Manifest(IReadOnlyList<VendoredLibrary> Libraries);

    private sealed record VendoredLibrary(string Folder, string Package, string Version, string License, string LicenseFile, IReadOnlyList<VendoredFile> Files);

    private sealed record VendoredFile(string From, string To);
}
