using System.Net;
using System.Text.RegularExpressions;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Testing;

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
            new() { ["Body"] = "## Steps\n\n### 3. Confirm the problem on a second visit {#step-3}\n\nCredit: li.na@demo.kaizen\n" },
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
    public async Task OverdueList_ShowsProceduresPastTheirReviewDate_UntilVerified()
    {
        await factory.EnsureUserAsync("km2@std.test", Roles.KnowledgeManager);
        var manager = await factory.SignInAsync("km2@std.test", PortalFactory.UserPassword);
        var overdue = await manager.GetStringAsync("/Knowledge/Overdue");
        var id = IdOf(overdue, "Complaint handling");

        await KnowledgeClient.ActAsync(manager, id, "Verify");

        Assert.DoesNotContain($"href=\"/Knowledge/Details/{id}\"", await manager.GetStringAsync("/Knowledge/Overdue"), StringComparison.Ordinal);
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
