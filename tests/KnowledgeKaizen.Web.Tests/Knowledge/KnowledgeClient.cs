namespace KnowledgeKaizen.Web.Tests.Knowledge;

/// <summary>Form posts a user makes on the knowledge pages, through the real pages and antiforgery.</summary>
public static partial class KnowledgeClient
{
    public static async Task<int> CreatePlaybookAsync(HttpClient client, string title, string body)
    {
        var response = await PortalFactory.PostFormAsync(client, "/Knowledge/Edit?kind=playbook", new()
        {
            ["Input.Title"] = title,
            ["Input.Summary"] = "A practice worth sharing.",
            ["Input.Body"] = body,
            ["Input.Language"] = "en",
            ["Input.Stages"] = "discover",
            ["Input.Improves"] = "discovery-visit#step-3",
            ["Input.ReviewIntervalDays"] = "180",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(IdInLocation().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Opens the editor (taking the version it shows), then saves the new body.</summary>
    public static async Task<HttpResponseMessage> EditAsync(HttpClient client, int id, string title, string body, int? version = null)
    {
        var page = await client.GetStringAsync($"/Knowledge/Edit/{id}");
        var shownVersion = int.Parse(VersionField().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return await PortalFactory.PostFormAsync(client, $"/Knowledge/Edit/{id}?kind=playbook", new()
        {
            ["Input.Title"] = title,
            ["Input.Body"] = body,
            ["Input.Language"] = "en",
            ["Input.Stages"] = "discover",
            ["Input.Improves"] = "discovery-visit#step-3",
            ["Input.ReviewIntervalDays"] = "180",
            ["Input.ChangeNote"] = "edited",
            ["Input.Version"] = (version ?? shownVersion).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, $"/Knowledge/Edit/{id}");
    }

    public static async Task<int> VersionShownAsync(HttpClient client, int id) =>
        int.Parse(VersionField().Match(await client.GetStringAsync($"/Knowledge/Edit/{id}")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string handler, Dictionary<string, string>? fields = null) =>
        PortalFactory.PostFormAsync(client, $"/Knowledge/Details/{id}?handler={handler}", fields ?? [], $"/Knowledge/Details/{id}");

    /// <summary>
    /// A reviewer's decision ("Approve" or "Return") as the page makes it: the form names the revision the page shows
    /// (read from the page now, unless <paramref name="revisionSeen"/> says which page the reviewer had open).
    /// </summary>
    public static async Task<HttpResponseMessage> ReviewAsync(HttpClient client, int id, string handler, string comment, int? revisionSeen = null)
    {
        var shown = revisionSeen ?? int.Parse(RevisionField().Match(await client.GetStringAsync($"/Knowledge/Details/{id}")).Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        return await ActAsync(client, id, handler, new()
        {
            ["comment"] = comment,
            ["revision"] = shown.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    [GeneratedRegex("/Knowledge/Details/(\\d+)")]
    private static partial Regex IdInLocation();

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
