using System.Net.Http.Headers;
using System.Text.Json;

namespace KnowledgeKaizen.Benchmarks.Load;

/// <summary>
/// Keeps an import running: uploads a generated stage-history file through the import API (background job), waits for
/// it, and starts the next — alternating two versions of the same rows, so every import after the first updates them.
/// </summary>
internal sealed class ImportLoop(HttpClient client, string token, string first, string second)
{
    public List<(long Rows, double Seconds, string Status)> Finished { get; } = [];

    /// <summary>Generates <paramref name="rows"/> stage entries on the demo data's deals, reps and stages; <paramref name="variant"/> shifts the dates.</summary>
    public static string WriteFile(string folder, int rows, int variant)
    {
        var deals = CsvFile.Read(Path.Combine(RepoPaths.SeedData, "opportunities.csv")).Select(r => r["external_id"]).ToList();
        var reps = CsvFile.Read(Path.Combine(RepoPaths.SeedData, "reps.csv")).Select(r => r["external_id"]).ToList();
        var stages = CsvFile.Read(Path.Combine(RepoPaths.SeedData, "stages.csv")).Select(r => r["code"]).ToList();
        var random = new Random(20261205);
        var path = Path.Combine(folder, $"load-history-{variant}.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n");
        var start = new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            var entered = start.AddMinutes(random.Next(0, 600 * 24 * 60));
            var left = entered.AddHours(random.Next(1, 24 * 30) + variant);
            var outcome = random.Next(3) == 0 ? "lost" : "advanced";
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"LD-{i:D7},{deals[random.Next(deals.Count)]},{stages[random.Next(stages.Count)]},{reps[random.Next(reps.Count)]},{entered:yyyy-MM-ddTHH:mm:ssZ},{left:yyyy-MM-ddTHH:mm:ssZ},{outcome}\n"));
        }

        return path;
    }

    /// <summary>Imports one file after the other until <paramref name="stop"/>; the import running then is waited for.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var clock = Stopwatch.StartNew();
            await using var file = File.OpenRead(round % 2 == 0 ? first : second);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/stage-history?background=true")
            {
                Content = new StreamContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var accepted = await client.SendAsync(request);
            if (accepted.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"The import upload answered {(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}");
            }

            var job = await Eventually.ThatAsync("the load run's import to finish", async () =>
            {
                using var poll = new HttpRequestMessage(HttpMethod.Get, accepted.Headers.Location);
                poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(poll);
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            }, j => j.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(30));
            Finished.Add((job.GetProperty("rows").GetInt64(), clock.Elapsed.TotalSeconds, job.GetProperty("importStatus").GetString() ?? "?"));
        }
    }
}
