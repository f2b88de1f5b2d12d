namespace KnowledgeKaizen.Web.Tests.Knowledge;

/// <summary>
/// A playbook names the procedure steps it improves by picking them, never by typing "slug#step-N": the editor lists
/// every published procedure of the document's language with its numbered steps by their headings, and the playbook
/// page names the procedure and the step it improves.
/// </summary>
public sealed partial class StepPickerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Procedure = """
        # Handing a won deal to delivery

        ## Steps

        ### 1. Book the kick-off call within two days {#step-1}

        Invite the customer's project lead.

        ### 2. Send the signed scope to the delivery lead {#step-2}

        Attach the quotation as signed.
        """;

    [Fact]
    public async Task Editor_ListsEveryPublishedStepByItsHeading_AndThePlaybookNamesThePickedStep()
    {
        var procedureId = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Procedure, "Handing a won deal to delivery",
            Procedure, slug: "delivery-handover");
        await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Procedure, "交付交接", "### 1. 预约启动会 {#step-1}\n",
            language: "zh", slug: "delivery-handover");
        await factory.EnsureUserAsync("author@steps.test", Roles.Contributor);
        var author = await factory.SignInAsync("author@steps.test", PortalFactory.UserPassword);

        var editor = await author.GetStringAsync("/Knowledge/Edit?kind=playbook");
        var steps = StepChoice().Matches(editor).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
        Assert.Equal("2. Send the signed scope to the delivery lead", steps["delivery-handover#step-2"]);
        Assert.Equal("1. Book the kick-off call within two days", steps["delivery-handover#step-1"]);
        Assert.Contains("data-testid=\"improves-picker\"", editor, StringComparison.Ordinal);
        Assert.DoesNotContain(steps.Values, v => v.Contains("{#", StringComparison.Ordinal));

        var saved = await PortalFactory.PostFormAsync(author, "/Knowledge/Edit?kind=playbook", new()
        {
            ["Input.Title"] = "Scope first, then the kick-off",
            ["Input.Summary"] = "Delivery reads the scope before meeting the customer.",
            ["Input.Body"] = "## What I do\n\nI send the scope the day we sign.\n",
            ["Input.Language"] = "en",
            ["Input.Stages"] = "close",
            ["Input.Improves"] = "delivery-handover#step-2",
            ["Input.ReviewIntervalDays"] = "90",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var playbook = await author.GetStringAsync(saved.Headers.Location!.OriginalString);
        var improves = ImprovesList().Match(playbook).Groups[1].Value;
        Assert.Contains($"href=\"/Knowledge/Details/{procedureId}#step-2\"", improves, StringComparison.Ordinal);
        Assert.Contains("Handing a won deal to delivery · 2. Send the signed scope to the delivery lead", improves, StringComparison.Ordinal);
        Assert.DoesNotContain("delivery-handover#step-2", improves, StringComparison.Ordinal);
    }

    /// <summary>An enabled step checkbox (the document's language) with its label.</summary>
    [GeneratedRegex("""name="Input.Improves" value="([^"]+)" id="(?:[^"]+)"\s*/>\s*<label[^>]*>([^<]+)</label>""")]
    private static partial Regex StepChoice();

    [GeneratedRegex("""data-testid="improves">(.*?)</ul>""", RegexOptions.Singleline)]
    private static partial Regex ImprovesList();
}
