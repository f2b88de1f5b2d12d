using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeKaizen.SeedGenerator.Feedback;
using KnowledgeKaizen.SeedGenerator.Output;
using KnowledgeKaizen.SeedGenerator.People;
using KnowledgeKaizen.SeedGenerator.Pipeline;
using KnowledgeKaizen.SeedGenerator.Service;
using KnowledgeKaizen.SeedGenerator.Truth;

namespace KnowledgeKaizen.SeedGenerator;

/// <summary>What <see cref="DemoDataGenerator.WriteTo"/> produced.</summary>
public sealed record GenerationResult(IReadOnlyDictionary<string, long> RowCounts, PlantedTruth Truth, TimeSpan Elapsed);

/// <summary>
/// Generates the demo CRM data set deterministically from <see cref="DemoDataOptions"/>. Pipeline rows are
/// streamed (only per-rep and per-customer state is held), so the same code produces benchmark-sized
/// stage histories with flat memory.
/// </summary>
public sealed class DemoDataGenerator
{
    /// <summary>The file names written by <see cref="WriteTo"/>, in load order.</summary>
    public static readonly IReadOnlyList<string> Files =
    [
        "stages.csv", "reps.csv", "customers.csv", "opportunities.csv", "stage-history.csv", "activities.csv",
        "service-cases.csv", "feedback.csv",
    ];

    public const string TruthFile = "planted-truth.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public DemoDataGenerator(DemoDataOptions options)
    {
        options.Validate();
        Options = options;
        Reps = RosterBuilder.Build(options);
        Customers = CustomerBuilder.Build(options);
    }

    public DemoDataOptions Options { get; }

    public IReadOnlyList<DemoRep> Reps { get; }

    public IReadOnlyList<DemoCustomer> Customers { get; }

    /// <summary>Writes every CSV file and planted-truth.json into <paramref name="folder"/> (created if missing).</summary>
    public GenerationResult WriteTo(string folder)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var counts = new Dictionary<string, long>
        {
            ["stages.csv"] = ReferenceFiles.WriteStages(Path.Combine(folder, "stages.csv")),
            ["reps.csv"] = ReferenceFiles.WriteReps(Path.Combine(folder, "reps.csv"), Reps),
            ["customers.csv"] = ReferenceFiles.WriteCustomers(Path.Combine(folder, "customers.csv"), Customers),
        };

        var pipeline = new PipelineSimulator(Options, Reps, Customers);
        using (var files = new PipelineFiles(folder))
        {
            foreach (var item in pipeline.Run())
            {
                files.Write(item);
            }

            counts["opportunities.csv"] = files.Opportunities;
            counts["stage-history.csv"] = files.StageRows;
            counts["activities.csv"] = files.ActivityRows;
        }

        var directory = new CustomerDirectory(Customers);
        var cases = new ServiceCaseSimulator(Options, Reps, directory).Write(Path.Combine(folder, "service-cases.csv"));
        counts["service-cases.csv"] = cases.Count;
        var feedback = new FeedbackSimulator(Options, Reps, directory);
        counts["feedback.csv"] = feedback.Write(Path.Combine(folder, "feedback.csv"), cases);

        var truth = TruthBuilder.Build(Options, Reps, Customers, pipeline.Tally, feedback.MonthlyComplaints, counts);
        File.WriteAllText(Path.Combine(folder, TruthFile), JsonSerializer.Serialize(truth, Json) + "\n");
        return new GenerationResult(counts, truth, clock.Elapsed);
    }

    /// <summary>Opportunities one at a time, in creation order, with their stage history and activities.</summary>
    public IEnumerable<SimulatedOpportunity> StreamOpportunities() =>
        new PipelineSimulator(Options, Reps, Customers).Run();

    /// <summary>Stage-history rows with their deal features and true probabilities, lazily.</summary>
    public IEnumerable<StageEntry> StreamStageEntries() => StreamOpportunities().SelectMany(o => o.Stages);

    /// <summary>
    /// Streams exactly <paramref name="rows"/> stage-history rows (header first) for benchmarks: the
    /// opportunity count is raised to cover the rows, nothing is buffered beyond the current opportunity.
    /// </summary>
    public static long WriteStageHistory(TextWriter writer, long rows, int seed = 20261127, Action<long>? progress = null)
    {
        var options = new DemoDataOptions { Seed = seed, Opportunities = (int)Math.Min(int.MaxValue, (rows / 2) + 1000) };
        using var csv = new CsvFileWriter(writer, PipelineFiles.StageHeader);
        foreach (var entry in new DemoDataGenerator(options).StreamStageEntries().Take((int)Math.Min(int.MaxValue, rows)))
        {
            PipelineFiles.WriteStage(csv, entry);
            progress?.Invoke(csv.Rows);
        }

        return csv.Rows;
    }
}
