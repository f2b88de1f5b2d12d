namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>Small CRM files and helpers shared by the ingestion tests.</summary>
internal static class IngestionFixture
{
    public const string Stages = "code,name,name_zh,position\nqualify,Lead qualification,线索确认,1\ndiscover,Discovery visit,需求调研,2\n";
    public const string Reps = "external_id,name,email,team,region,role\nr1,Ann Lee,ann@example.com,East A,East,sales\nr2,王芳,,East B,East,service\n";
    public const string Customers = "external_id,name,industry,region,segment,created_at\nc1,Acme 制造,manufacturing,East,mid,2023-02-01\n";
    public const string Opportunities = "external_id,customer_id,owner_id,amount,industry,source,region,created_at,outcome\n" +
        "o1,c1,r1,12000.50,manufacturing,referral,East,2024-01-10,open\n";
    public const string StageHeader = "external_id,opportunity_id,stage,rep_id,entered_at,left_at,outcome\n";

    public static async Task<string> CreateTokenAsync(PortalFactory factory, string name = "ci")
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApiTokenAdministration>().CreateAsync(name, "tests", CancellationToken.None);
    }

    public static HttpClient TokenClient(PortalFactory factory, string secret)
    {
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string kind, string csv, string query = "") =>
        client.PostAsync($"/api/v1/imports/{kind}{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static async Task LoadBasicsAsync(HttpClient client)
    {
        foreach (var (kind, csv) in new[] { ("stages", Stages), ("reps", Reps), ("customers", Customers), ("opportunities", Opportunities) })
        {
            var response = await PostCsvAsync(client, kind, csv);
            Assert.True(response.IsSuccessStatusCode, $"{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Reads the job endpoint until the job has finished.</summary>
    public static Task<JsonElement> WaitForJobAsync(HttpClient client, string jobUrl) =>
        Eventually.ThatAsync($"{jobUrl} to finish", async () => await JsonAsync(await client.GetAsync(jobUrl)),
            job => job.GetProperty("finished").GetBoolean());
}
