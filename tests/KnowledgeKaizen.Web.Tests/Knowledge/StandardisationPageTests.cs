namespace KnowledgeKaizen.Web.Tests.Knowledge;

/// <summary>Standardising a shipped playbook and the verification list, through the pages.</summary>
public sealed partial class StandardisationPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Manager_StandardisesAShippedPlaybook_IntoANewProcedureRevisionCreditingTheAuthor()
    {
        await factory.EnsureUserAsync("km@std.test", Roles.KnowledgeManager);
        var manager = await factory.SignInAsync("km@std.test", PortalFactory.UserPassword);
        var playbookId = IdOf(await manager.GetStringAsync("/Playbooks/Index?language=en"), "The two-visit discovery rule");
        var proposal = await manager.GetStringAsync($"/Knowledge/Standardise/{playbookId}");
        var procedureId = int.Parse(ProcedureOption().Match(proposal).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("li.na@demo.kaizen", proposal, StringComparison.Ordinal);

        var response = await PortalFactory.PostFormAsync(manager, $"/Knowledge/Standardise/{playbookId}?procedure={procedureId}",
            new() { ["Body"] = "## Steps\n\n### 3. Confirm the problem on a second visit {#step-3}\n\nCredit: li.na@demo.kaizen\n", ["Effective"] = "2026-12-01" },
            $"/Knowledge/Standardise/{playbookId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var procedure = await manager.GetStringAsync($"/Knowledge/Details/{procedureId}");
        Assert.Contains("Confirm the problem on a second visit", procedure, StringComparison.Ordinal);
        var playbook = await manager.GetStringAsync($"/Knowledge/Details/{playbookId}");
        Assert.Contains("data-testid=\"document-status\">Standardised<", playbook, StringComparison.Ordinal);
        var history = await manager.GetStringAsync($"/Knowledge/History/{procedureId}");
        Assert.Contains("Standardised from playbook", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proposal_ShowsOnlyThePracticeUnderItsStep_WithTheChangesAndAPreview_AndAnEmptyDateIsRefused()
    {
        await factory.EnsureUserAsync("km3@std.test", Roles.KnowledgeManager);
        var manager = await factory.SignInAsync("km3@std.test", PortalFactory.UserPassword);
        var playbookId = IdOf(await manager.GetStringAsync("/Playbooks/Index?language=en"), "Asking for the cost of doing nothing in the qualification call");
        var page = await manager.GetStringAsync($"/Knowledge/Standardise/{playbookId}");
        var procedureId = int.Parse(ProcedureOption().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var body = System.Net.WebUtility.HtmlDecode(Regex.Match(page, "data-testid=\"standardise-body\">([^<]*)</textarea>").Groups[1].Value);

        // The practice (what the author does, the steps), not the situation, pitfalls or evidence; the rest of the procedure kept.
        Assert.Contains("#### Adopted practice: Asking for the cost of doing nothing in the qualification call", body, StringComparison.Ordinal);
        Assert.Contains("##### What I do", body, StringComparison.Ordinal);
        Assert.Contains("##### Steps", body, StringComparison.Ordinal);
        Assert.DoesNotContain("## Situation", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Pitfalls", body, StringComparison.Ordinal);
        Assert.DoesNotContain("## Evidence", body, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"standardise-changes\"[\\s\\S]*data-kind=\"Inserted\"", page);
        Assert.DoesNotContain("data-kind=\"Deleted\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"standardise-preview-text\"", page, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"standardise-effective\" value=\"\\d{4}-\\d{2}-\\d{2}\"|value=\"\\d{4}-\\d{2}-\\d{2}\"[^>]*data-testid=\"standardise-effective\"", page);

        var noDate = await PortalFactory.PostFormAsync(manager, $"/Knowledge/Standardise/{playbookId}?procedure={procedureId}",
            new() { ["Body"] = body, ["Effective"] = string.Empty }, $"/Knowledge/Standardise/{playbookId}");

        Assert.Contains("Choose the date the new revision takes effect.", await noDate.BodyAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"document-status\">Published<", await manager.GetStringAsync($"/Knowledge/Details/{playbookId}"), StringComparison.Ordinal);
    }

    private static int IdOf(string html, string title)
    {
        var match = Regex.Match(html, $"href=\"/Knowledge/Details/(\\d+)\"[^>]*>(?:\\s|<[^>]+>)*{Regex.Escape(title)}<");
        Assert.True(match.Success, $"'{title}' is not listed");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<option value=\"(\\d+)\" selected=\"selected\">")]
    private static partial Regex ProcedureOption();
}
