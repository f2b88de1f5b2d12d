using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeKaizen.Core.Files;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>A file stored and waiting for its mapping: where it is kept, its name, and the kind it is to become.</summary>
/// <param name="Upload">The stored file's name under imports/ (the page's token for it).</param>
/// <param name="FileName">The name the file had.</param>
/// <param name="Kind">The kind it is to become.</param>
public sealed record PendingUpload(string Upload, string FileName, ImportKind Kind)
{
    public string StoredFile => "imports/" + Upload;
}

/// <summary>What an upload led to: an import under way, or a file to map first (with the mapping proposed for it).</summary>
public sealed record UploadOutcome(ImportRecord? Record, PendingUpload? Pending, string? Mapping, bool Detected);

/// <summary>The mapping page: the file's columns and sample, the mapping as edited, its preview.</summary>
public sealed record MappingView(
    PendingUpload Upload, ImportMapping Mapping, FileSample Sample, MappingPreviewResult? Preview, IReadOnlyList<string> Problems,
    IReadOnlyList<ImportMapping> Choices);

/// <summary>One portal column as the mapping page edits it.</summary>
public sealed record FieldChoice(string Field, string? Column, string? Format);

/// <summary>One entry of a value map as the mapping page edits it.</summary>
public sealed record ValueChoice(string Field, string From, string? To);

/// <summary>
/// The upload and mapping pages' work: store the file, tell its layout from the header (the portal's own columns, a
/// preset, a saved mapping), propose a mapping for an unknown one, apply the Admin's edits, preview the first rows,
/// save the mapping, and start the check of the whole file with it.
/// </summary>
public sealed partial class MappingPages(ImportService imports, MappingLibrary library, MappingPreview preview, IFileStore files)
{
    public const int SampleRows = 200;
    public const int PreviewRows = 10;

    /// <summary>The layout choice "tell from the header".</summary>
    public const string Detect = "";

    /// <summary>The layout choice "the portal's own columns".</summary>
    public const string PortalLayout = "portal";

    public Task<IReadOnlyList<ImportMapping>> MappingsAsync(CancellationToken ct) => library.ListAsync(ct);

    /// <summary>Stores the file; imports it (as a check) when it is in the portal's layout, otherwise leaves it for the mapping page.</summary>
    /// <exception cref="FileTooLargeException">The file is over the limit.</exception>
    public async Task<UploadOutcome> ReceiveAsync(Stream content, string fileName, ImportKind kind, string? layout, ImportMode mode,
        string? user, string? userId, long maxBytes, CancellationToken ct)
    {
        var stored = await imports.StoreAsync(content, fileName, maxBytes, ct);
        var pending = new PendingUpload(stored["imports/".Length..], Path.GetFileName(fileName), kind);
        string? mapping = null;
        var detected = false;
        if (layout == Detect)
        {
            var best = ImportDetector.Detect((await SampleAsync(pending, ct)).Header, await library.ListAsync(ct), kind).FirstOrDefault();
            detected = best?.Mapping is not null;
            mapping = best?.Mapping?.Name;
            layout = best is { Mapping: null } ? PortalLayout : null;
        }
        else if (layout != PortalLayout)
        {
            mapping = layout;
        }

        if (layout == PortalLayout)
        {
            var record = await imports.RecordAsync(kind, stored, fileName, mode, dryRun: true, ImportSource.Upload, user, ct);
            await imports.EnqueueAsync(record, userId, ct);
            return new UploadOutcome(record, null, null, false);
        }

        return new UploadOutcome(null, pending, mapping, detected);
    }

    /// <summary>A pending upload from the page's token; null when the token is not one this portal made or the file is gone.</summary>
    public async Task<PendingUpload?> FindAsync(string? upload, string? fileName, string? kind, CancellationToken ct)
    {
        if (upload is null || !UploadToken().IsMatch(upload) || !ImportKinds.TryParse(kind, out var k))
        {
            return null;
        }

        var pending = new PendingUpload(upload, Path.GetFileName(fileName ?? upload), k);
        return await files.LengthAsync(pending.StoredFile, ct) is null ? null : pending;
    }

    /// <summary>
    /// The page for <paramref name="pending"/>: the mapping given (edited), else the named one, else one proposed from the
    /// header; and the preview of the first rows with the companion files kept so far.
    /// </summary>
    public async Task<MappingView> ViewAsync(PendingUpload pending, ImportMapping? edited, string? name, IReadOnlyList<StoredCompanion> companions,
        CancellationToken ct)
    {
        var sample = await SampleAsync(pending, ct);
        var choices = (await library.ListAsync(ct)).Where(m => m.ImportKind == pending.Kind).ToList();
        var mapping = edited
            ?? (name is null ? null : await library.FindAsync(name, ct))
            ?? MappingProposer.Propose(pending.Kind, sample, DraftName(pending));
        var problems = MappingValidation.Validate(mapping);
        if (sample.Problem is not null || problems.Count > 0)
        {
            return new MappingView(pending, mapping, sample, null, sample.Problem is null ? problems : [sample.Problem, .. problems], choices);
        }

        await using var file = await files.OpenReadAsync(pending.StoredFile, ct) ?? throw new FileNotFoundException(pending.StoredFile);
        var given = new Dictionary<string, CompanionContent>(StringComparer.OrdinalIgnoreCase);
        foreach (var companion in companions.Where(c => mapping.Companions.Any(m => m.Name.Equals(c.Name, StringComparison.OrdinalIgnoreCase))))
        {
            if (await files.OpenReadAsync(companion.StoredFile, ct) is { } content)
            {
                given[companion.Name] = new CompanionContent(companion.FileName, content);
            }
        }

        var result = await preview.RunAsync(mapping, file, FormatOf(pending), given, PreviewRows, ct);
        return new MappingView(pending, mapping, sample, result, [], choices);
    }

    /// <summary>The mapping with the page's edits: a column per field (or none), date formats, value maps and the time zone.</summary>
    public static ImportMapping Apply(ImportMapping mapping, IEnumerable<FieldChoice> fields, IEnumerable<ValueChoice> values, string? timeZone)
    {
        var rules = new Dictionary<string, FieldRule>(mapping.Fields, StringComparer.OrdinalIgnoreCase);
        foreach (var choice in fields)
        {
            rules.TryGetValue(choice.Field, out var rule);
            if (rule is not null && !IsSimple(rule))
            {
                continue;
            }

            if (string.IsNullOrEmpty(choice.Column))
            {
                rules.Remove(choice.Field);
                continue;
            }

            rules[choice.Field] = (rule ?? new FieldRule()) with
            {
                Column = [choice.Column],
                Format = string.IsNullOrWhiteSpace(choice.Format) ? null : choice.Format.Trim(),
            };
        }

        foreach (var group in values.GroupBy(v => v.Field, StringComparer.OrdinalIgnoreCase))
        {
            if (rules.TryGetValue(group.Key, out var rule) && IsSimple(rule))
            {
                var map = group.Where(v => !string.IsNullOrWhiteSpace(v.To)).GroupBy(v => v.From.Trim(), StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.Last().To!.Trim(), StringComparer.OrdinalIgnoreCase);
                rules[group.Key] = rule with { Values = map.Count == 0 ? null : map };
            }
        }

        return mapping with { Fields = rules, TimeZone = string.IsNullOrWhiteSpace(timeZone) ? null : timeZone.Trim() };
    }

    /// <summary>A rule the page can edit: one column, perhaps with a value map, a format or a default; others are edited as JSON.</summary>
    public static bool IsSimple(FieldRule rule) =>
        rule is { Column.Count: 1, Lookup: null, Coalesce: null, Template: null, Field: null, Value: null, Element: false, Json: null, Rule: null, When: null };

    public static ImportMapping? Parse(string? json, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return ImportMapping.FromJson(json);
        }
        catch (JsonException ex)
        {
            problem = ex.Message;
            return null;
        }
    }

    public Task<IReadOnlyList<string>> SaveAsync(ImportMapping mapping, string? user, CancellationToken ct) => library.SaveAsync(mapping, user, ct);

    public Task<bool> RemoveAsync(string name, CancellationToken ct) => library.DeleteAsync(name, ct);

    /// <summary>Keeps a companion file sent on the mapping page.</summary>
    public async Task<StoredCompanion> StoreCompanionAsync(string name, Stream content, string fileName, long maxBytes, CancellationToken ct) =>
        new(name, Path.GetFileName(fileName), await imports.StoreAsync(content, fileName, maxBytes, ct));

    /// <summary>Starts the check of the whole file through the mapping (a dry run in the background); the import to follow.</summary>
    public async Task<ImportRecord> CheckAsync(PendingUpload pending, ImportMapping mapping, IReadOnlyList<StoredCompanion> companions, ImportMode mode,
        string? user, string? userId, CancellationToken ct)
    {
        var applied = new AppliedMapping(mapping, companions.Where(c => mapping.Companions.Any(m => m.Name.Equals(c.Name, StringComparison.OrdinalIgnoreCase))).ToList());
        var record = await imports.RecordAsync(pending.Kind, pending.StoredFile, pending.FileName, mode, dryRun: true, ImportSource.Upload, user, ct, applied);
        await imports.EnqueueAsync(record, userId, ct);
        return record;
    }

    /// <summary>Whether a path is a file this portal stored for an import (a page must not name any other file).</summary>
    public static bool IsStoredImport(string? path) =>
        path is not null && path.StartsWith("imports/", StringComparison.Ordinal) && UploadToken().IsMatch(path["imports/".Length..]);

    private async Task<FileSample> SampleAsync(PendingUpload pending, CancellationToken ct)
    {
        await using var file = await files.OpenReadAsync(pending.StoredFile, ct) ?? throw new FileNotFoundException(pending.StoredFile);
        return await FileSample.ReadAsync(file, FormatOf(pending), SampleRows, ct);
    }

    private static ImportFormat FormatOf(PendingUpload pending) => ImportKinds.FormatOf(pending.FileName) ?? ImportFormat.Csv;

    private static string DraftName(PendingUpload pending)
    {
        var stem = new string(Path.GetFileNameWithoutExtension(pending.FileName).Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray());
        return MappingValidation.IsValidName(stem) ? stem : pending.Kind.Slug();
    }

    [GeneratedRegex(@"^\d{14}-[0-9a-f]{32}\.(csv|json|ndjson|jsonl|dat)$")]
    private static partial Regex UploadToken();
}
