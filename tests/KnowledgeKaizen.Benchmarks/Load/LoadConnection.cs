using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KnowledgeKaizen.Benchmarks.Load;

/// <summary>
/// One of the run's connections: its own TCP connection to the portal, signed in as the Admin (the cookie is shared),
/// sending a weighted mix — search, a document page, the Insights overview, a feedback post (API token), a document
/// save through the editor (its own draft, so saves never conflict) — one request at a time until the phase ends.
/// </summary>
internal sealed partial class LoadConnection(HttpClient client, string token, int document, IReadOnlyList<int> documents, int seed) : IDisposable
{
    private static readonly string[] Queries = ["discovery", "proposal", "complaint", "renewal", "invoice", "报价", "客户", "交付", "quote follow-up", "escalation"];

    // Percent of picks per kind (a save is two requests: the editor page, then the post).
    private static readonly (string Kind, int Weight)[] Mix = [("search", 35), ("document", 25), ("dashboard", 10), ("feedback", 20), ("save", 10)];

    private readonly Random random = new(seed);
    private int sequence;

    /// <summary>Sends requests until <paramref name="until"/>.</summary>
    public async Task RunAsync(LoadRecorder recorder, Func<bool> until)
    {
        while (!until())
        {
            var pick = random.Next(100);
            var kind = Mix.First(m => (pick -= m.Weight) < 0).Kind;
            switch (kind)
            {
                case "search":
                    await GetAsync(recorder, kind, $"/Search?q={Uri.EscapeDataString(Queries[random.Next(Queries.Length)])}");
                    break;
                case "document":
                    await GetAsync(recorder, kind, $"/Knowledge/Details/{documents[random.Next(documents.Count)]}");
                    break;
                case "dashboard":
                    await GetAsync(recorder, kind, "/Insights");
                    break;
                case "feedback":
                    await PostFeedbackAsync(recorder);
                    break;
                default:
                    await SaveAsync(recorder);
                    break;
            }
        }
    }

    private Task GetAsync(LoadRecorder recorder, string kind, string url) =>
        recorder.TimeAsync(kind, async () =>
        {
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsStringAsync();
            return (response.StatusCode == HttpStatusCode.OK, true, $"GET {url}: {(int)response.StatusCode}");
        });

    private async Task PostFeedbackAsync(LoadRecorder recorder)
    {
        var text = $"load feedback {seed}-{Interlocked.Increment(ref sequence)}";
        var id = await recorder.TimeAsync("feedback", async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback")
            {
                Content = JsonContent.Create(new { channel = "web", type = "complaint", text, customer_id = "CUS-00001" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.Created
                ? (true, JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64(), null)
                : (false, 0L, $"POST feedback: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        });
        if (id > 0)
        {
            recorder.Feedback.Enqueue((id, text));
        }
    }

    private async Task SaveAsync(LoadRecorder recorder)
    {
        var form = await recorder.TimeAsync<(string Version, string Token)>("editor", async () =>
        {
            var html = await client.GetStringAsync($"/Knowledge/Edit/{document}");
            var version = Version().Match(html);
            var antiforgery = Antiforgery().Match(html);
            return version.Success && antiforgery.Success ? (true, (Version: version.Groups[1].Value, Token: antiforgery.Groups[1].Value), null)
                : (false, default, "the editor page has no version or antiforgery field");
        });
        if (form.Token is null)
        {
            return;
        }

        var body = $"load save {document}-{Interlocked.Increment(ref sequence)}";
        var saved = await recorder.TimeAsync("save", async () =>
        {
            using var response = await client.PostAsync($"/Knowledge/Edit/{document}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Title"] = $"Load document {document}",
                ["Input.Body"] = body,
                ["Input.Language"] = "en",
                ["Input.Stages"] = "propose",
                ["Input.ReviewIntervalDays"] = "180",
                ["Input.Version"] = form.Version,
                ["Input.ChangeNote"] = "load run",
                ["__RequestVerificationToken"] = form.Token,
            }));
            return (response.StatusCode == HttpStatusCode.Redirect, true, $"POST editor: {(int)response.StatusCode}");
        });
        if (saved)
        {
            recorder.Saves.Enqueue((document, body));
        }
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"Input\\.Version\"[^>]*value=\"(\\d+)\"")]
    private static partial Regex Version();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
