using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>
/// <c>/api/v1/imports/mappings</c>: the mappings an import can apply with <c>?mapping=name</c> — list them, read one
/// (the JSON format of docs/data-formats.md), save one under a name, remove a saved one. Presets are read-only.
/// </summary>
public static class MappingApi
{
    public static IEndpointRouteBuilder MapMappingApi(this IEndpointRouteBuilder api)
    {
        var mappings = api.MapGroup("/imports/mappings").RequireAuthorization(IngestionPolicies.ImportApi).WithTags("Mappings");
        mappings.MapGet("/", ListAsync).WithSummary("The presets and saved mappings");
        mappings.MapGet("/{name}", GetAsync).WithSummary("One mapping, in the mapping format").Produces<ImportMapping>();
        mappings.MapPut("/{name}", SaveAsync).DisableAntiforgery().WithSummary("Save a mapping under a name")
            .Accepts<ImportMapping>("application/json");
        mappings.MapDelete("/{name}", DeleteAsync).DisableAntiforgery().WithSummary("Remove a saved mapping");
        return api;
    }

    private static async Task<Ok<List<MappingSummary>>> ListAsync(MappingLibrary library, CancellationToken ct) =>
        TypedResults.Ok((await library.ListAsync(ct)).Select(MappingSummary.Of).ToList());

    private static async Task<Results<JsonHttpResult<ImportMapping>, ProblemHttpResult>> GetAsync(string name, MappingLibrary library, CancellationToken ct) =>
        await library.FindAsync(name, ct) is { } mapping
            ? TypedResults.Json(mapping, MappingJson.Options)
            : TypedResults.Problem(statusCode: 404, title: $"Unknown mapping '{name}'.");

    private static async Task<Results<Ok<MappingSummary>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        string name, HttpRequest request, MappingLibrary library, CancellationToken ct)
    {
        if (!ImportContentTypes.IsJson(request.ContentType))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the mapping as application/json.");
        }

        ImportMapping mapping;
        try
        {
            using var reader = new StreamReader(request.Body);
            mapping = ImportMapping.FromJson(await reader.ReadToEndAsync(ct));
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "The body is not a mapping.", detail: ex.Message);
        }

        if (!string.Equals(mapping.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: 400, title: $"The mapping is named {mapping.Name}, the address {name}.");
        }

        var errors = await library.SaveAsync(mapping, request.HttpContext.User.Identity?.Name, ct);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mapping"] = [.. errors] }, title: "The mapping cannot be saved.")
            : TypedResults.Ok(MappingSummary.Of(mapping));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, MappingLibrary library, CancellationToken ct)
    {
        if (MappingLibrary.IsPreset(name))
        {
            return TypedResults.Problem(statusCode: 400, title: $"{name} is a preset; presets cannot be removed.");
        }

        return await library.DeleteAsync(name, ct) ? TypedResults.NoContent() : TypedResults.Problem(statusCode: 404, title: $"Unknown mapping '{name}'.");
    }
}
