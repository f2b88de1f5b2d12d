using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>
/// The service-case and feedback forms: customers and agents are looked up by name (an endpoint only signed-in staff may
/// ask), categories are chosen by name, the success message shows once and an empty form shows no (empty) alert.
/// </summary>
public sealed partial class RecordingFormsTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private HttpClient staff = null!;

    public async Task InitializeAsync()
    {
        await LoadBasicsAsync(TokenClient(factory, await CreateTokenAsync(factory, "forms-" + Guid.NewGuid().ToString("N"))));
        await PostCsvAsync(TokenClient(factory, await CreateTokenAsync(factory, "forms-" + Guid.NewGuid().ToString("N"))), "service-cases",
            "external_id,customer_id,agent_id,opened_at,channel,category,priority,subject\ncs1,c1,r2,2024-05-01,phone,late_delivery,high,Parcel late\n");
        await factory.EnsureUserAsync("staff@forms.test", Roles.Staff);
        staff = await factory.SignInAsync("staff@forms.test", PortalFactory.UserPassword);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lookups_FindCustomersAndAgentsByName_ForSignedInStaffOnly()
    {
        var anonymous = await factory.CreateBrowserlessClient().GetAsync("/api/v1/lookup/customers?q=Acme");
        var customers = await JsonArrayAsync("/api/v1/lookup/customers?q=acme");
        var byId = await JsonArrayAsync("/api/v1/lookup/customers?q=C1");
        var agents = await JsonArrayAsync("/api/v1/lookup/agents?q=%E7%8E%8B");
        var salesRepIsNoAgent = await JsonArrayAsync("/api/v1/lookup/agents?q=Ann");
        var wildcard = await JsonArrayAsync("/api/v1/lookup/customers?q=%25");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var customer = Assert.Single(customers);
        Assert.Equal(("c1", "Acme 制造", "Manufacturing · East · c1"),
            (customer.GetProperty("id").GetString(), customer.GetProperty("name").GetString(), customer.GetProperty("detail").GetString()));
        Assert.Single(byId);
        Assert.Equal("r2", Assert.Single(agents).GetProperty("id").GetString());
        Assert.Empty(salesRepIsNoAgent);
        Assert.Empty(wildcard);
    }

    [Fact]
    public async Task NewCase_WithCustomerAndAgentTypedByName_IsSaved_AndSaysSoOnce()
    {
        var form = await staff.GetStringAsync("/Service/Record");
        var response = await PortalFactory.PostFormAsync(staff, "/Service/Record", new()
        {
            ["Input.CustomerName"] = "Acme 制造", ["Input.CustomerId"] = string.Empty, ["Input.AgentName"] = "王芳", ["Input.AgentId"] = string.Empty,
            ["Input.Channel"] = "Email", ["Input.Priority"] = "Normal", ["Input.Category"] = "late_delivery", ["Input.Subject"] = "Pallet missing",
        });
        var saved = await staff.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, Regex.Count(saved, "The service case was saved."));
        Assert.DoesNotContain("alert-danger", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"late_delivery\">Late delivery</option>", form, StringComparison.Ordinal);
        Assert.Contains("data-lookup=\"/api/v1/lookup/customers\"", form, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.ServiceCases.Where(c => c.Subject == "Pallet missing")
            .Select(c => new { Customer = db.Customers.Single(x => x.Id == c.CustomerId).ExternalId, Agent = db.Reps.Single(r => r.Id == c.AgentId).ExternalId })
            .SingleAsync());
        Assert.Equal(("c1", "r2"), (stored.Customer, stored.Agent));
    }

    [Fact]
    public async Task NewCase_ForACustomerNobodyHas_SaysToChooseFromTheList_AndSavesNothing()
    {
        var response = await PortalFactory.PostFormAsync(staff, "/Service/Record", new()
        {
            ["Input.CustomerName"] = "Globex", ["Input.Channel"] = "Email", ["Input.Priority"] = "Normal", ["Input.Category"] = "late_delivery",
            ["Input.Subject"] = "Nobody's case",
        });

        Assert.Contains("Choose the customer from the list", await response.BodyAsync(HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ServiceCases.AnyAsync(c => c.Subject == "Nobody's case")));
    }

    [Fact]
    public async Task Feedback_ForACustomerPickedInTheLookup_IsSaved_AndSaysSoOnce()
    {
        var response = await PortalFactory.PostFormAsync(staff, "/Feedback/Record", new()
        {
            ["Input.Type"] = "Complaint", ["Input.Channel"] = "Phone", ["Input.Text"] = "The pallet came two days late.",
            ["Input.CustomerName"] = "Acme 制造", ["Input.CustomerId"] = "c1",
        });
        var saved = await staff.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(1, Regex.Count(saved, "Thank you: the feedback was recorded."));
        Assert.Equal("c1", await factory.WithDbAsync(db => db.Feedback.Where(f => f.Text == "The pallet came two days late.")
            .Select(f => db.Customers.Single(c => c.Id == f.CustomerId).ExternalId).SingleAsync()));
    }

    private async Task<List<JsonElement>> JsonArrayAsync(string url)
    {
        var response = await staff.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await JsonAsync(response)).EnumerateArray()];
    }
}
