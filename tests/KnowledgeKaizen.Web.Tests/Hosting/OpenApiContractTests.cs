using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// The OpenAPI description: valid, complete (every <c>/api/v1</c> endpoint), for Admins only, and the published
/// contract (docs/api/openapi-v1.json) unchanged — an endpoint whose request or responses change fails here until it is
/// published under a new version (or, for a change that breaks no client, the published file is updated on purpose).
/// </summary>
public sealed partial class OpenApiContractTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string Published = Path.Combine(RepoPaths.Root, "docs", "api", "openapi-v1.json");

    [Fact]
    public async Task Document_IsValidOpenApi_AndDescribesEveryApiEndpoint()
    {
        var json = await DocumentAsync();

        var read = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());

        Assert.True(read.Diagnostic is null || read.Diagnostic.Errors.Count == 0,
            string.Join("\n", read.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []));
        var documented = read.Document!.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => $"{m.Method.ToUpperInvariant()} {p.Key}")).Order().ToList();
        Assert.Equal(MappedApiEndpoints(), documented);
        var upload = read.Document.Paths["/api/v1/imports/{kind}"].Operations![HttpMethod.Post];
        Assert.Contains("application/problem+json", upload.Responses!["default"].Content!.Keys);
        Assert.Contains(upload.Parameters!, p => p.Name == "mapping");
        Assert.Contains("401", upload.Responses.Keys);
        Assert.NotEmpty(upload.Security!);
    }

    [Fact]
    public async Task PublishedContract_IsUnchanged()
    {
        var live = Operations(JsonNode.Parse(await DocumentAsync())!);
        var published = Operations(JsonNode.Parse(await File.ReadAllTextAsync(Published))!);

        var removed = published.Keys.Except(live.Keys).ToList();
        var changed = published.Keys.Intersect(live.Keys).Where(k => published[k] != live[k]).ToList();
        var added = live.Keys.Except(published.Keys).ToList();
        Assert.True(removed.Count + changed.Count + added.Count == 0,
            "The /api/v1 contract differs from docs/api/openapi-v1.json.\n" +
            $"Removed: {string.Join(", ", removed)}\nChanged: {string.Join(", ", changed)}\nNew: {string.Join(", ", added)}\n" +
            "A published endpoint keeps its contract: publish a breaking change under /api/v2. When the change breaks no client (a new endpoint, " +
            $"an optional field), publish it: copy {Candidate} to docs/api/openapi-v1.json.");
    }

    [Fact]
    public async Task Description_AndReference_AreForAdminsOnly()
    {
        await factory.EnsureUserAsync("openapi-staff@test.local", Roles.Staff);
        var staff = await factory.SignInAsync("openapi-staff@test.local", PortalFactory.UserPassword);
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var anonymous = await factory.CreateBrowserlessClient().GetAsync(ApiDocumentation.DocumentPath);
        var forbidden = await staff.GetAsync(ApiDocumentation.DocumentPath);
        var referenceForStaff = await staff.GetAsync(ApiDocumentation.ReferencePath);
        var reference = await admin.GetAsync(ApiDocumentation.ReferencePath);

        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, referenceForStaff.StatusCode);
        var html = await reference.BodyAsync(HttpStatusCode.OK);
        var nonce = NonceAttribute().Match(html).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"'nonce-{nonce}'", reference.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*nonce=)[^>]*>[^<]+</script>", html);
    }

    private static string Candidate => Path.Combine(AppContext.BaseDirectory, "artifacts", "openapi-v1.json");

    /// <summary>The live document, fetched with an Admin's API token; also written where the failure message points.</summary>
    private async Task<string> DocumentAsync()
    {
        using var scope = factory.Services.CreateScope();
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenAdministration>().CreateAsync("openapi-" + Guid.NewGuid().ToString("N")[..6], "tests", CancellationToken.None);
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var json = await client.GetStringAsync(ApiDocumentation.DocumentPath);
        Directory.CreateDirectory(Path.GetDirectoryName(Candidate)!);
        await File.WriteAllTextAsync(Candidate, JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        return json;
    }

    /// <summary>Every route endpoint the app maps under /api/v1, as "METHOD /path" with route constraints left out.</summary>
    private List<string> MappedApiEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Constraint().Replace(e.RoutePattern.RawText!, "}").TrimEnd('/')}"))
            .Distinct()
            .Order()
            .ToList();

    /// <summary>Each operation as canonical JSON with every schema it uses written in place (so a changed type changes its operations).</summary>
    private static Dictionary<string, string> Operations(JsonNode document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new Dictionary<string, string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                operations[$"{method.ToUpperInvariant()} {path}"] = Canonical(Inline(operation!.DeepClone(), schemas, []));
            }
        }

        return operations;
    }

    private static JsonNode Inline(JsonNode node, JsonObject schemas, HashSet<string> seen)
    {
        switch (node)
        {
            case JsonObject obj when obj["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal):
                var name = reference["#/components/schemas/".Length..];
                return seen.Contains(name) || schemas[name] is not { } target
                    ? JsonValue.Create("recursive " + name)!
                    : Inline(target.DeepClone(), schemas, [.. seen, name]);
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = value is null ? null : Inline(value.DeepClone(), schemas, seen);
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(v => v is null ? null : Inline(v.DeepClone(), schemas, seen)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    /// <summary>Keys sorted at every level, descriptions and examples left out (wording is not contract).</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.Where(kv => kv.Key is not ("description" or "summary" or "example" or "examples"))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"\"{kv.Key}\":{Canonical(kv.Value)}")) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex Constraint();

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex NonceAttribute();
}
