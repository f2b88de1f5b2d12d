using System.Text;
using System.Text.Json.Serialization;
using KnowledgeKaizen.Core.Files;

namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>
/// Versioned expected-outcome models in the file store: <c>{folder}/v{N}/model.zip</c> (absent for base-rate models),
/// <c>calibration.json</c> and <c>report.json</c> (written last: a version without it is incomplete and ignored), plus a
/// <c>current</c> pointer written after the version is complete. Readers keep getting the previous model while a
/// training runs, and a failed or worse training never replaces it. Safe for concurrent readers and writers in one process.
/// The serving model is kept for <paramref name="checkInterval"/> before the pointer is read again, so a model another
/// instance promoted serves here within that time (<see cref="ModelRefresher"/> checks in the background too).
/// </summary>
public sealed class ModelStore(IFileStore files, string folder = ModelStore.DefaultFolder, TimeProvider? clock = null, TimeSpan checkInterval = default)
{
    public const string DefaultFolder = "models/expected-outcome";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private Serving? _serving;

    private string Pointer => $"{folder}/current";

    /// <summary>Version the <c>current</c> pointer names, or null when nothing was promoted yet.</summary>
    public async Task<int?> CurrentVersionAsync(CancellationToken ct = default)
    {
        await using var pointer = await files.OpenReadAsync(Pointer, ct);
        if (pointer is null)
        {
            return null;
        }

        using var reader = new StreamReader(pointer);
        var text = (await reader.ReadToEndAsync(ct)).Trim();
        return text.StartsWith('v') && int.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>
    /// The serving model (loaded once per version and cached), or null when there is none or its files are missing
    /// or unreadable — derived state, so the caller retrains rather than failing. The promoted version is read again
    /// once the check interval has passed since it was last read.
    /// </summary>
    public async Task<ExpectedOutcomeModel?> LoadCurrentAsync(CancellationToken ct = default)
    {
        var serving = Volatile.Read(ref _serving);
        return serving is not null && _clock.GetUtcNow() - serving.CheckedAt < checkInterval ? serving.Model : await RefreshAsync(ct);
    }

    /// <summary>Reads which version is promoted now and loads it when it is not the one in hand; returns the serving model.</summary>
    public async Task<ExpectedOutcomeModel?> RefreshAsync(CancellationToken ct = default)
    {
        var checkedAt = _clock.GetUtcNow();
        var version = await CurrentVersionAsync(ct);
        var cached = Volatile.Read(ref _serving)?.Model;
        if (version is null || cached?.Report.Version == version)
        {
            Volatile.Write(ref _serving, new Serving(version is null ? null : cached, checkedAt));
            return version is null ? null : cached;
        }

        try
        {
            var loaded = await LoadAsync(version.Value, ct);
            Volatile.Write(ref _serving, new Serving(loaded, checkedAt));
            return loaded;
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or FormatException or InvalidDataException or UnauthorizedAccessException)
        {
            // Not remembered: the next call tries again, and a caller that finds no model retrains.
            return null;
        }
    }

    /// <summary>Reports of every stored version, oldest first.</summary>
    public async Task<IReadOnlyList<ExpectedOutcomeModelReport>> HistoryAsync(CancellationToken ct = default)
    {
        var reports = new List<ExpectedOutcomeModelReport>();
        foreach (var path in (await files.ListAsync(folder, ct)).Where(p => p.EndsWith("/report.json", StringComparison.Ordinal)))
        {
            await using var content = await files.OpenReadAsync(path, ct);
            if (content is not null && await JsonSerializer.DeserializeAsync<ExpectedOutcomeModelReport>(content, Json, ct) is { } report)
            {
                reports.Add(report);
            }
        }

        return [.. reports.OrderBy(r => r.Version)];
    }

    /// <summary>The report of one stored version, or null when it is gone or unreadable.</summary>
    public async Task<ExpectedOutcomeModelReport?> ReportOfAsync(int version, CancellationToken ct = default)
    {
        try
        {
            await using var content = await files.OpenReadAsync($"{folder}/v{version}/report.json", ct);
            return content is null ? null : await JsonSerializer.DeserializeAsync<ExpectedOutcomeModelReport>(content, Json, ct);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores <paramref name="model"/> as the next version and makes it current, unless its out-of-fold AUC is below
    /// the serving model's by more than <paramref name="aucMargin"/>; its report names <paramref name="retrainJob"/>, the
    /// retraining job promoting it (null outside one).
    /// </summary>
    public async Task<ModelPromotion> SaveAndPromoteAsync(ExpectedOutcomeModel model, double aucMargin, Guid? retrainJob = null, CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            var previous = await CurrentReportAsync(ct);
            if (Rejection(model.Report, previous, aucMargin) is { } rejected)
            {
                return rejected;
            }

            var version = (await HistoryAsync(ct)).Select(r => r.Version).DefaultIfEmpty(0).Max() + 1;
            var report = model.Report with { Version = version, RetrainJob = retrainJob };
            await WriteAsync(model, report, $"{folder}/v{version}", ct);
            await files.WriteAsync(Pointer, new MemoryStream(Encoding.UTF8.GetBytes($"v{version}")), ct);
            model.Report = report;

            // This instance serves the new version from its next request; the others within their check interval.
            Volatile.Write(ref _serving, null);
            return new ModelPromotion(true, version, previous is null ? InsightMessages.FirstModel : InsightMessages.Format(InsightMessages.ReplacesVersion, previous.Version), report, previous);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// The rejection a model with <paramref name="candidate"/>'s AUC would meet now, or null when it would serve: a
    /// retraining asks before its costly checks, as a rejected model is not kept. The promotion itself asks again.
    /// </summary>
    public async Task<ModelPromotion?> RejectionAsync(ExpectedOutcomeModelReport candidate, double aucMargin, CancellationToken ct = default) =>
        Rejection(candidate, await CurrentReportAsync(ct), aucMargin);

    /// <summary>The serving model's report; none when its files are missing or unreadable, as then any new model serves.</summary>
    private async Task<ExpectedOutcomeModelReport?> CurrentReportAsync(CancellationToken ct) => (await LoadCurrentAsync(ct))?.Report;

    private static ModelPromotion? Rejection(ExpectedOutcomeModelReport candidate, ExpectedOutcomeModelReport? previous, double aucMargin) =>
        previous is not null && !(candidate.Auc >= previous.Auc - aucMargin)
            ? new ModelPromotion(false, null, InsightMessages.Format(InsightMessages.AucTooLow, candidate.Auc, previous.Version, previous.Auc, aucMargin), candidate, previous)
            : null;

    private async Task WriteAsync(ExpectedOutcomeModel model, ExpectedOutcomeModelReport report, string versionFolder, CancellationToken ct)
    {
        if (model.Transformer is not null)
        {
            var schema = model.Context.Data.LoadFromEnumerable(Array.Empty<ExpectedOutcomeFeatures>()).Schema;
            using var zip = new MemoryStream();
            model.Context.Model.Save(model.Transformer, schema, zip);
            zip.Position = 0;
            await files.WriteAsync($"{versionFolder}/model.zip", zip, ct);
        }

        var calibration = new StoredCalibration(model.StageBaseRates.ToDictionary(), model.OverallRate, model.Calibrators.ToDictionary());
        await files.WriteAsync($"{versionFolder}/calibration.json", new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(calibration, Json)), ct);
        await files.WriteAsync($"{versionFolder}/report.json", new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(report, Json)), ct);
    }

    private async Task<ExpectedOutcomeModel> LoadAsync(int version, CancellationToken ct)
    {
        var versionFolder = $"{folder}/v{version}";
        var report = await ReadJsonAsync<ExpectedOutcomeModelReport>($"{versionFolder}/report.json", ct);
        var calibration = await ReadJsonAsync<StoredCalibration>($"{versionFolder}/calibration.json", ct);
        var ml = new MLContext();
        ITransformer? transformer = null;
        await using (var zip = await files.OpenReadAsync($"{versionFolder}/model.zip", ct))
        {
            if (zip is not null)
            {
                // ML.NET reads the zip by seeking; a store's stream may not seek, so it is read into memory first.
                using var buffer = new MemoryStream();
                await zip.CopyToAsync(buffer, ct);
                buffer.Position = 0;
                transformer = ml.Model.Load(buffer, out _);
            }
        }

        return new ExpectedOutcomeModel(ml, transformer, calibration.Calibrators, calibration.StageBaseRates, calibration.OverallRate, report);
    }

    private async Task<T> ReadJsonAsync<T>(string path, CancellationToken ct)
    {
        await using var content = await files.OpenReadAsync(path, ct) ?? throw new FileNotFoundException($"{path} is missing.");
        return await JsonSerializer.DeserializeAsync<T>(content, Json, ct) ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <summary>The model in hand (null: none promoted) and when the promoted version was last read.</summary>
    private sealed record Serving(ExpectedOutcomeModel? Model, DateTimeOffset CheckedAt);

    private sealed record StoredCalibration(
        Dictionary<string, double> StageBaseRates,
        double OverallRate,
        Dictionary<string, IsotonicCalibrator> Calibrators);
}
