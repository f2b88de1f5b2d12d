using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;

namespace KnowledgeKaizen.Insights.ExpectedOutcome;

/// <summary>What happened to a newly trained model handed to <see cref="ModelStore.SaveAndPromote"/>.</summary>
/// <param name="Promoted">True when the new model now serves.</param>
/// <param name="Version">Version it was stored as (null when rejected: rejected models are not kept).</param>
/// <param name="Reason">Why it was promoted or rejected, for the job log.</param>
/// <param name="Candidate">The new model's report.</param>
/// <param name="Previous">The report of the model that was serving before, if any.</param>
public sealed record ModelPromotion(bool Promoted, int? Version, string Reason, ExpectedOutcomeModelReport Candidate, ExpectedOutcomeModelReport? Previous);

/// <summary>
/// Versioned folder of expected-outcome models: <c>{root}/v{N}/model.zip</c> (absent for base-rate models),
/// <c>calibration.json</c> and <c>report.json</c>, plus a <c>current</c> pointer file replaced atomically by
/// rename. A new version is written to a staging folder and only then made current, so readers keep getting the
/// previous model while a training runs, and a failed or worse training never replaces it.
/// Root is typically <c>{data}/models/expected-outcome</c>. Safe for concurrent readers and writers in one process.
/// </summary>
public sealed class ModelStore(string rootDirectory)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly Lock _writeLock = new();
    private ExpectedOutcomeModel? _cached;

    /// <summary>Version the <c>current</c> pointer names, or null when nothing was promoted yet.</summary>
    public int? CurrentVersion
    {
        get
        {
            var pointer = Path.Combine(rootDirectory, "current");
            if (!File.Exists(pointer))
            {
                return null;
            }

            var text = File.ReadAllText(pointer).Trim();
            return text.StartsWith('v') && int.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        }
    }

    /// <summary>
    /// The serving model (loaded once per version and cached), or null when there is none or its files are missing
    /// or unreadable — derived state, so the caller retrains rather than failing.
    /// </summary>
    public ExpectedOutcomeModel? LoadCurrent()
    {
        var version = CurrentVersion;
        if (version is null)
        {
            return null;
        }

        var cached = Volatile.Read(ref _cached);
        if (cached?.Report.Version == version)
        {
            return cached;
        }

        try
        {
            var loaded = Load(version.Value);
            Volatile.Write(ref _cached, loaded);
            return loaded;
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or FormatException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reports of every stored version, oldest first.</summary>
    public IReadOnlyList<ExpectedOutcomeModelReport> History() =>
        Directory.Exists(rootDirectory)
            ? Directory.GetDirectories(rootDirectory, "v*")
                .Select(d => Path.Combine(d, "report.json"))
                .Where(File.Exists)
                .Select(f => JsonSerializer.Deserialize<ExpectedOutcomeModelReport>(File.ReadAllText(f), Json)!)
                .OrderBy(r => r.Version)
                .ToList()
            : [];

    /// <summary>The report of one stored version, or null when it is gone or unreadable.</summary>
    public ExpectedOutcomeModelReport? ReportOf(int version)
    {
        var file = Path.Combine(rootDirectory, $"v{version}", "report.json");
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<ExpectedOutcomeModelReport>(File.ReadAllText(file), Json) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores <paramref name="model"/> as the next version and makes it current, unless its out-of-fold AUC is below
    /// the serving model's by more than <paramref name="aucMargin"/>.
    /// </summary>
    public ModelPromotion SaveAndPromote(ExpectedOutcomeModel model, double aucMargin)
    {
        lock (_writeLock)
        {
            var previous = LoadCurrent()?.Report;
            if (previous is not null && !(model.Report.Auc >= previous.Auc - aucMargin))
            {
                return new ModelPromotion(false, null, FormattableString.Invariant(
                    $"rejected: AUC {model.Report.Auc:0.0000} is below the serving v{previous.Version} ({previous.Auc:0.0000}) by more than {aucMargin:0.0000}"), model.Report, previous);
            }

            Directory.CreateDirectory(rootDirectory);
            var version = History().Select(r => r.Version).DefaultIfEmpty(0).Max() + 1;
            var staging = Path.Combine(rootDirectory, $".staging-{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            try
            {
                var report = model.Report with { Version = version };
                Write(model, report, staging);
                Directory.Move(staging, Path.Combine(rootDirectory, $"v{version}"));
                var pointerTemp = Path.Combine(rootDirectory, $".current-{Guid.NewGuid():N}");
                File.WriteAllText(pointerTemp, $"v{version}");
                File.Move(pointerTemp, Path.Combine(rootDirectory, "current"), overwrite: true);
                model.Report = report;
                return new ModelPromotion(true, version, previous is null ? "first model" : $"replaces v{previous.Version}", report, previous);
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }
    }

    private static void Write(ExpectedOutcomeModel model, ExpectedOutcomeModelReport report, string folder)
    {
        if (model.Transformer is not null)
        {
            var schema = model.Context.Data.LoadFromEnumerable(Array.Empty<ExpectedOutcomeFeatures>()).Schema;
            model.Context.Model.Save(model.Transformer, schema, Path.Combine(folder, "model.zip"));
        }

        var calibration = new StoredCalibration(model.StageBaseRates.ToDictionary(), model.OverallRate, model.Calibrators.ToDictionary());
        File.WriteAllText(Path.Combine(folder, "calibration.json"), JsonSerializer.Serialize(calibration, Json));
        File.WriteAllText(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(report, Json));
    }

    private ExpectedOutcomeModel Load(int version)
    {
        var folder = Path.Combine(rootDirectory, $"v{version}");
        var report = JsonSerializer.Deserialize<ExpectedOutcomeModelReport>(File.ReadAllText(Path.Combine(folder, "report.json")), Json)!;
        var calibration = JsonSerializer.Deserialize<StoredCalibration>(File.ReadAllText(Path.Combine(folder, "calibration.json")), Json)!;
        var ml = new MLContext();
        var zip = Path.Combine(folder, "model.zip");
        var transformer = File.Exists(zip) ? ml.Model.Load(zip, out _) : null;
        return new ExpectedOutcomeModel(ml, transformer, calibration.Calibrators, calibration.StageBaseRates, calibration.OverallRate, report);
    }

    private sealed record StoredCalibration(
        Dictionary<string, double> StageBaseRates,
        double OverallRate,
        Dictionary<string, IsotonicCalibrator> Calibrators);
}
