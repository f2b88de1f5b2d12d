using KnowledgeKaizen.Core.Markdown;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeKaizen.Web.Knowledge;

/// <summary>
/// The editor's endpoints. Every POST checks the antiforgery token sent in the RequestVerificationToken
/// header (the pages render it), because JSON bodies are not covered by the automatic form check.
/// </summary>
public static class KnowledgeApi
{
    /// <summary>Where an uploaded image is served; Markdown refers to images by this URL.</summary>
    public const string ImageUrlPrefix = "/api/v1/knowledge/images/";

    /// <summary>Maps <c>markdown/preview</c> and <c>knowledge/…</c> under <paramref name="routes"/> (the <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/");

        api.MapPost("/markdown/preview", Results<Ok<MarkdownPreview>, ProblemHttpResult> (PreviewRequest request, MarkdownRenderer markdown,
            IStringLocalizer<SharedResource> l) =>
        {
            if ((request.Markdown?.Length ?? 0) > MarkdownRenderer.MaxSourceLength)
            {
                return TypedResults.Problem(statusCode: 413, title: l["The document is longer than {0} characters; split it into smaller documents.", MarkdownRenderer.MaxSourceLength]);
            }

            // The same refusal a save would give, so the author learns it while writing.
            var rendered = markdown.Render(request.Markdown);
            return rendered.Problem is { } problem
                ? TypedResults.Problem(statusCode: 422, title: l[problem.Message, problem.Arguments])
                : TypedResults.Ok(new MarkdownPreview(rendered.Html));
        }).RequireAuthorization(Policies.Contributor).WithMetadata(new RateLimited(RateLimited.Preview));

        api.MapPost("/knowledge/autosave", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (AutosaveRequest request, HttpContext http,
            ReaderFeedbackService service, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            if (string.IsNullOrWhiteSpace(request.Slot) || request.Slot.Length > 64 || actor.UserId is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["slot"] = ["An autosave slot is required."] });
            }

            try
            {
                await service.AutosaveAsync(actor.UserId, request.Slot, request.Title ?? string.Empty, request.Body ?? string.Empty, request.BaseVersion, ct);
                return TypedResults.NoContent();
            }
            catch (KnowledgeRuleException ex)
            {
                return TypedResults.Problem(statusCode: 413, title: ex.FormattedMessage);
            }
        }).RequireAuthorization(Policies.Contributor);

        api.MapPost("/knowledge/images", async Task<Results<Ok<UploadedImage>, ValidationProblem, ProblemHttpResult>> (HttpContext http, ImageStore images,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!http.Request.HasFormContentType || (await http.Request.ReadFormAsync(ct)).Files.GetFile("image") is not { } file)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["image"] = [l["Choose an image to upload."]] });
            }

            await using var content = file.OpenReadStream();
            var (name, error) = await images.SaveAsync(content, file.Length, ct);
            if (name is null)
            {
                return TypedResults.Problem(statusCode: file.Length > ImageStore.MaxBytes ? 413 : 415, title: l[error!]);
            }

            var url = ImageUrlPrefix + name;
            return TypedResults.Ok(new UploadedImage(url, $"![{Path.GetFileNameWithoutExtension(file.FileName)}]({url})"));
        }).RequireAuthorization(Policies.Contributor);

        api.MapGet("/knowledge/images/{name}", async Task<Results<FileStreamHttpResult, NotFound>> (string name, ImageStore images, CancellationToken ct) =>
            await images.OpenAsync(name, ct) is { } found
                ? TypedResults.Stream(found.Content, found.ContentType, enableRangeProcessing: false)
                : TypedResults.NotFound())
            .RequireAuthorization(Policies.Reader);

        api.MapPost("/knowledge/solutions/{id:int}/cases", async Task<Results<Ok<CaseLinks>, ProblemHttpResult>> (int id, CaseLinkRequest request,
            HttpContext http, ReaderFeedbackService service, CancellationToken ct) =>
        {
            try
            {
                var count = await service.LinkCaseAsync(id, request.CaseKey ?? string.Empty, http.User.ToActor().UserId ?? string.Empty, ct);
                return TypedResults.Ok(new CaseLinks(count));
            }
            catch (KnowledgeRuleException ex)
            {
                return TypedResults.Problem(statusCode: 400, title: ex.FormattedMessage);
            }
        }).RequireAuthorization(Policies.Reader);

        return routes;
    }
}

/// <summary>The editor preview: the Markdown rendered and sanitised.</summary>
public sealed record MarkdownPreview(string Html);

/// <summary>An uploaded image: where it is served, and the Markdown that shows it.</summary>
public sealed record UploadedImage(string Url, string Markdown);

/// <summary>How many cases a solution is linked to now.</summary>
public sealed record CaseLinks(int LinkedCases);
